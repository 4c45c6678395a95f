package ai.persona.gateway.service;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

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
    private record Turn(String message, CompletableFuture<ChatMessage> reply) {
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
        if (key == null) {
            return chat.reply(userId, sessionId, content, null)
                    .map(reply -> new Answer<>(reply, false));
        }
        Key id = new Key(userId, sessionId, key);
        Turn mine = new Turn(hash(content), new CompletableFuture<>());
        Turn first = claim(id, mine);
        if (first != mine) {
            return replayed(first)
                    .map(reply -> new Answer<>(reply, true));
        }
        // deferred: a message refused at once must release the key too
        return Uni.createFrom().deferred(() -> chat.reply(userId, sessionId, content, turnId(id)))
                .invoke(mine.reply()::complete)
                .onFailure().invoke(failure -> abandon(id, mine, failure))
                .onCancellation().invoke(() -> abandon(id, mine, new CancellationException("the client left")))
                .map(reply -> new Answer<>(reply, false));
    }

    /** As {@link #reply}, streamed: a replayed reply comes as one delta, then done with the stored message. */
    public Uni<Answer<Multi<StreamEvent>>> replyStream(String userId, String sessionId, String key, String content) {
        if (key == null) {
            return chat.replyStream(userId, sessionId, content, null)
                    .map(events -> new Answer<>(events, false));
        }
        Key id = new Key(userId, sessionId, key);
        Turn mine = new Turn(hash(content), new CompletableFuture<>());
        Turn first = claim(id, mine);
        if (first != mine) {
            return replayed(first)
                    .map(IdempotentTurns::stored)
                    .map(events -> new Answer<>(events, true));
        }
        return Uni.createFrom().deferred(() -> chat.replyStream(userId, sessionId, content, turnId(id)))
                .onFailure().invoke(failure -> abandon(id, mine, failure))
                .map(events -> events
                        .invoke(event -> {
                            if (event.message() != null) {
                                mine.reply().complete(event.message());
                            }
                        })
                        // a stream that ended without its stored message (an error event, the client left)
                        .onTermination().invoke(() -> abandon(id, mine, unfinished())))
                .map(events -> new Answer<>(events, false));
    }

    /** The user was deleted: their replies leave memory too. */
    public void forget(String userId) {
        turns.asMap().keySet().removeIf(key -> key.userId().equals(userId));
    }

    /** The turn of the key: {@code mine} when this request is the first, else the first's; another message, a 422. */
    private Turn claim(Key id, Turn mine) {
        Turn first = turns.asMap().putIfAbsent(id, mine);
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

    // a copy per waiter: a waiter that leaves cancels its copy, not the turn
    private static Uni<ChatMessage> replayed(Turn first) {
        return Uni.createFrom().completionStage(first.reply()::copy);
    }

    private static Multi<StreamEvent> stored(ChatMessage reply) {
        Multi<StreamEvent> text = reply.content() == null || reply.content().isEmpty() ? Multi.createFrom().empty()
                : Multi.createFrom().item(StreamEvent.delta(reply.content()));
        return Multi.createBy().concatenating().streams(text, Multi.createFrom().item(StreamEvent.done(reply)));
    }

    /** The turn failed or was left before its reply was recorded: the key is free again, and its waiters fail alike. */
    private void abandon(Key id, Turn turn, Throwable failure) {
        if (turn.reply().isDone()) {
            return;
        }
        turns.asMap().remove(id, turn);
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
