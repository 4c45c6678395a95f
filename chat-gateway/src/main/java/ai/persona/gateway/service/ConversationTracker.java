package ai.persona.gateway.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import ai.persona.events.ChatMessage;
import ai.persona.gateway.client.SessionServiceClient;
import ai.persona.gateway.client.SessionServiceClient.CreateSession;
import ai.persona.gateway.config.GatewayConfig;
import ai.persona.gateway.messaging.SessionRecorder;
import ai.persona.runtime.problem.ProblemException;
import io.smallrye.mutiny.Uni;

/**
 * Keeps an OpenAI client's conversation as a session. The client resends everything each turn; the session already
 * holds the first messages of it, so each turn records the rest with the reply, as one event whose {@code firstIndex}
 * lets session-service keep only what it lacks. Which session, and how much of it is recorded, is kept in memory after
 * a conversation's first turn here; on a miss one call to session-service creates or finds it. A derived session that
 * completed (idle timeout) while the client carries on continues in a follow-up session ({@code <id>-2}, {@code -3},
 * ...) that records what came after it. A session the client names itself (X-Session-Id) is used as is. Two chats that
 * open alike are told apart by their first replies (SessionIds#replied): a turn carrying a reply the beginning's
 * session does not hold goes to a session of its own.
 */
@ApplicationScoped
public class ConversationTracker {

    private static final int MAX_FOLLOW_UPS = 50;

    /**
     * A conversation's session: {@code offset} messages of the conversation went to earlier sessions of it, and the
     * session holds {@code recorded} messages.
     */
    public record Tracked(String userId, String conversationId, String sessionId, int offset, int recorded) {
    }

    private record Key(String userId, String conversationId) {
    }

    private final SessionServiceClient sessions;
    private final SessionRecorder recorder;
    private final Cache<Key, Tracked> tracked;

    public ConversationTracker(@RestClient SessionServiceClient sessions, SessionRecorder recorder,
            GatewayConfig config) {
        this.sessions = sessions;
        this.recorder = recorder;
        this.tracked = Caffeine.newBuilder()
                .maximumSize(config.sessions().activeCacheSize())
                .expireAfterAccess(config.sessions().activeCacheTtl())
                .build();
    }

    /** The session the conversation goes to. */
    public Uni<Tracked> track(String userId, String requestedId, List<ChatMessage> conversation) {
        boolean named = requestedId != null && !requestedId.isBlank();
        String opening = SessionIds.derive(userId, conversation);
        Optional<String> replied = named ? Optional.empty() : SessionIds.replied(userId, conversation);
        String conversationId = named ? requestedId : replied.orElse(opening);
        Tracked known = tracked.getIfPresent(new Key(userId, conversationId));
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        Uni<Tracked> opened = named ? openNamed(userId, requestedId)
                : replied.isPresent() ? openReplied(userId, opening, conversationId, conversation)
                : open(userId, conversationId, conversationId, 1, 0, false);
        return opened
                .invoke(found -> tracked.put(new Key(userId, conversationId), found));
    }

    /** Records the conversation's messages the session lacks, and the reply; nothing when both are empty. */
    public Uni<Void> record(Tracked session, List<ChatMessage> conversation, Optional<ChatMessage> reply) {
        // where the messages sent start in the session: not at what is recorded when the conversation is shorter than
        // that (a request repeated after its twin was recorded), or its reply would be appended as a new turn
        // (one shorter than the earlier sessions of the conversation repeats an old turn: its reply lands at index 0,
        // where session-service skips it as stored)
        int from = Math.min(conversation.size(), session.offset() + session.recorded());
        List<ChatMessage> unrecorded = from < session.offset() ? new ArrayList<>()
                : new ArrayList<>(conversation.subList(from, conversation.size()));
        reply.ifPresent(unrecorded::add);
        if (unrecorded.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int firstIndex = Math.max(from - session.offset(), 0);
        return recorder.said(session.userId(), session.sessionId(), firstIndex, unrecorded)
                .invoke(() -> {
                    // what the session held before this turn, as the cache has it now: a concurrent turn recorded
                    // first shows here, not in the snapshot this turn started from
                    int[] before = { session.recorded() };
                    tracked.asMap().computeIfPresent(new Key(session.userId(), session.conversationId()),
                            (key, current) -> {
                                before[0] = current.recorded();
                                return new Tracked(current.userId(), current.conversationId(), current.sessionId(),
                                        current.offset(), Math.max(current.recorded(), firstIndex + unrecorded.size()));
                            });
                    reply.ifPresent(said -> knowFirstReply(session, conversation, said, before[0],
                            firstIndex + unrecorded.size()));
                });
    }

    /**
     * A derived conversation's first turn was answered: its next turn, which carries this reply, is known by the
     * beginning with the reply from now on. Only when this reply is the one the session keeps (it was recorded at an
     * index the session did not hold yet): another chat that opened alike and reached this session with its first turn
     * must not find it again with its own reply.
     */
    private void knowFirstReply(Tracked session, List<ChatMessage> conversation, ChatMessage said, int recordedBefore,
            int recordedNow) {
        if (session.offset() != 0 || recordedBefore >= recordedNow
                || SessionIds.firstReply(conversation).isPresent()
                || !session.conversationId().equals(SessionIds.derive(session.userId(), conversation))) {
            return;
        }
        List<ChatMessage> answered = new ArrayList<>(conversation);
        answered.add(said);
        SessionIds.replied(session.userId(), answered).ifPresent(replied -> tracked.put(
                new Key(session.userId(), replied),
                new Tracked(session.userId(), replied, session.sessionId(), 0, recordedNow)));
    }

    /** The session was ended here (native API): its next turn asks session-service again. */
    public void ended(String userId, String sessionId) {
        tracked.asMap().values().removeIf(t -> t.userId().equals(userId) && t.sessionId().equals(sessionId));
    }

    /** The user was deleted. */
    public void forget(String userId) {
        tracked.asMap().keySet().removeIf(key -> key.userId().equals(userId));
    }

    /**
     * A session id a client names is scoped to the client's user, so that no one can take it first and lock its owner
     * out: an existing session of the user by that id (one opened on the native API) is used as is; otherwise the turn
     * goes to the user's own session whose id is derived from user and name ({@link SessionIds#scoped}). Whether
     * another user has a session by the name is neither used nor revealed.
     */
    private Uni<Tracked> openNamed(String userId, String name) {
        return sessions.get(userId, name)
                .map(session -> Optional.of(session.id()))
                .onFailure(ConversationTracker::notFound).recoverWithItem(Optional.empty())
                .chain(own -> open(userId, name, own.orElseGet(() -> SessionIds.scoped(userId, name)), 1, 0, true));
    }

    /**
     * A conversation with a first reply that this gateway has not seen yet (after a restart, on another replica): it
     * continues the session of its beginning when that session's first reply is this one, so the whole chat stays
     * one session; otherwise it is another chat that opened alike, and gets a session of its own, named by the
     * beginning with its reply, into which all of it is recorded.
     */
    private Uni<Tracked> openReplied(String userId, String opening, String replied, List<ChatMessage> conversation) {
        String reply = SessionIds.fingerprint(SessionIds.firstReply(conversation).orElseThrow());
        return sessions.get(userId, opening)
                .map(session -> SessionIds.firstReply(session.messagesOrEmpty()).map(SessionIds::fingerprint))
                .onFailure(ConversationTracker::notFound).recoverWithItem(Optional.empty())
                .chain(openingReply -> reply.equals(openingReply.orElse(null))
                        ? open(userId, replied, opening, 1, 0, false)
                        : open(userId, replied, replied, 1, 0, false));
    }

    private Uni<Tracked> open(String userId, String conversationId, String baseId, int generation, int storedBefore,
            boolean named) {
        String id = generation == 1 ? baseId : baseId + "-" + generation;
        return sessions.create(userId, new CreateSession(id, null))
                .onFailure(ConversationTracker::takenByAnotherUser)
                .transform(e -> ProblemException.notFound("session-not-found", "no session " + id + " of yours"))
                .chain(session -> {
                    if (!session.ended()) {
                        return Uni.createFrom().item(new Tracked(userId, conversationId, id, storedBefore,
                                session.messageCount()));
                    }
                    if (named) {
                        throw ProblemException.conflict("session-ended", "session " + id + " has ended; start another");
                    }
                    if (generation >= MAX_FOLLOW_UPS) {
                        throw ProblemException.conflict("session-ended", "this conversation has ended; start another");
                    }
                    return open(userId, conversationId, baseId, generation + 1, storedBefore + session.messageCount(),
                            false);
                });
    }

    private static boolean notFound(Throwable failure) {
        return failure instanceof ProblemException e && e.status() == 404;
    }

    private static boolean takenByAnotherUser(Throwable failure) {
        return failure instanceof ProblemException e && e.status() == 409;
    }
}
