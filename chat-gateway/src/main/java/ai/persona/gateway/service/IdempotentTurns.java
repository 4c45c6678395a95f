package ai.persona.gateway.service;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import ai.persona.events.ChatMessage;
import ai.persona.gateway.config.GatewayConfig;
import ai.persona.runtime.problem.ProblemException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Native turns sent with an Idempotency-Key (Stripe's semantics): the same key from the same user in the same session
 * is one turn, however often and however concurrently it is sent. Its event id derives from user, session and key
 * ({@link SessionIds#turn}), so session-service stores it once from any instance. Here, the first request runs the
 * turn; a repeat while it is in flight waits for its recorded reply, and a later one gets that reply again, without
 * the model, for {@code gateway.sessions.idempotent-turn-ttl}. A repeat with another message is refused (422). A turn
 * that fails is forgotten, so the same key may try it again.
 */
@ApplicationScoped
public class IdempotentTurns {

    /** The header, named in a 422 for a key sent again with another message. */
    public static final String HEADER = "Idempotency-Key";

    /** @param replayed the first request's reply, given again */
    public record Answer<T>(T reply, boolean replayed) {
    }

    private record Key(String userId, String sessionId, String idempotencyKey) {
    }

    /** The first request of a key: a hash of its message, and its reply once recorded. */
    private record Turn(Key key, String message, CompletableFuture<ChatMessage> reply) {
    }

    private final ChatService chat;
    private final Cache<Key, Turn> turns;

    public IdempotentTurns(ChatService chat, GatewayConfig config) {
        this.chat = chat;
        this.turns = Caffeine.newBuilder()
                .maximumSize(config.sessions().idempotentTurnCacheSize())
                .expireAfterWrite(config.sessions().idempotentTurnTtl())
                .build();
    }

    /** The whole reply: the turn's own, or with a key already used, the first request's. */
    public Uni<Answer<ChatMessage>> reply(String userId, String sessionId, String key, String content) {
        return once(userId, sessionId, key, content, turnId -> chat.reply(userId, sessionId, content, turnId),
                (mine, reply) -> {
                    mine.reply().complete(reply);
                    return reply;
                }, reply -> reply);
    }

    /** As {@link #reply}, streamed: a replayed reply comes as one delta, then done with the stored message. */
    public Uni<Answer<Multi<StreamEvent>>> replyStream(String userId, String sessionId, String key, String content) {
        return once(userId, sessionId, key, content, turnId -> chat.replyStream(userId, sessionId, content, turnId),
                (mine, events) -> events
                        .invoke(event -> {
                            if (event.message() != null) {
                                mine.reply().complete(event.message());
                            }
                        })
                        // a stream that ended without its stored message (an error event, the client left)
                        .onTermination().invoke(() -> abandon(mine, unfinished())),
                IdempotentTurns::stored);
    }

    /**
     * @param run the turn, given its event id (null without a key)
     * @param watch completes the first request's {@link Turn} with the recorded reply, as its answer delivers it
     * @param replay the answer made of a recorded reply
     */
    private <T> Uni<Answer<T>> once(String userId, String sessionId, String key, String content,
            Function<String, Uni<T>> run, BiFunction<Turn, T, T> watch, Function<ChatMessage, T> replay) {
        if (key == null) {
            return run.apply(null)
                    .map(answer -> new Answer<>(answer, false));
        }
        Turn mine = new Turn(new Key(userId, sessionId, key), hash(content), new CompletableFuture<>());
        Turn first = claim(mine);
        if (first != mine) {
            // a copy per waiter: a waiter that leaves cancels its copy, not the turn
            return Uni.createFrom().completionStage(first.reply()::copy)
                    .map(replay)
                    .map(answer -> new Answer<>(answer, true));
        }
        // deferred: a message refused at once must free the key too
        return Uni.createFrom().deferred(() -> run.apply(turnId(mine.key())))
                .map(answer -> watch.apply(mine, answer))
                .onFailure().invoke(failure -> abandon(mine, failure))
                .onCancellation().invoke(() -> abandon(mine, new CancellationException("the client left")))
                .map(answer -> new Answer<>(answer, false));
    }

    /** The user was deleted: their replies leave memory too. */
    public void forget(String userId) {
        turns.asMap().keySet().removeIf(key -> key.userId().equals(userId));
    }

    /** The turn of the key: {@code mine} when this request is the first, else the first's; another message, a 422. */
    private Turn claim(Turn mine) {
        Turn first = turns.asMap().putIfAbsent(mine.key(), mine);
        if (first == null) {
            return mine;
        }
        if (!first.message().equals(mine.message())) {
            throw new ProblemException(422, "idempotency-key-reused", "Unprocessable content", "this "
                    + HEADER + " was sent with another message in this session; use a new key for a new message",
                    Map.of("field", HEADER));
        }
        return first;
    }

    private static Multi<StreamEvent> stored(ChatMessage reply) {
        Multi<StreamEvent> text = reply.content() == null || reply.content().isEmpty() ? Multi.createFrom().empty()
                : Multi.createFrom().item(StreamEvent.delta(reply.content()));
        return Multi.createBy().concatenating().streams(text, Multi.createFrom().item(StreamEvent.done(reply)));
    }

    /** The turn failed or was left before its reply was recorded: the key is free again, and its waiters fail alike. */
    private void abandon(Turn turn, Throwable failure) {
        if (turn.reply().isDone()) {
            return;
        }
        turns.asMap().remove(turn.key(), turn);
        turn.reply().completeExceptionally(failure);
    }

    private static ProblemException unfinished() {
        return ProblemException.unavailable("reply-unfinished", "the first request with this " + HEADER
                + " ended before its reply was recorded; send it again");
    }

    private static String turnId(Key id) {
        return SessionIds.turn(id.userId(), id.sessionId(), id.idempotencyKey());
    }

    private static String hash(String content) {
        return SessionIds.hash("", Objects.requireNonNullElse(content, ""));
    }
}
