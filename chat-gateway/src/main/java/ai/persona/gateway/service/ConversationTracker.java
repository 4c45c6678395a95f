package ai.persona.gateway.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import ai.persona.events.ChatMessage;
import ai.persona.gateway.client.SessionRecord;
import ai.persona.gateway.client.SessionServiceClient;
import ai.persona.gateway.client.SessionServiceClient.AppendMessages;
import ai.persona.gateway.client.SessionServiceClient.CreateSession;
import io.smallrye.mutiny.Uni;

/**
 * Keeps an OpenAI client's conversation as a session. The client resends everything each turn; the session already
 * holds the first {@code messageCount} of those messages, so only the rest is stored. A derived session that completed
 * (idle timeout) while the client carries on continues in a follow-up session ({@code <id>-2}, {@code -3}, ...) that
 * stores what came after it. A session the client names itself (X-Session-Id) is used as is.
 */
@ApplicationScoped
public class ConversationTracker {

    private static final int MAX_FOLLOW_UPS = 50;

    private final SessionServiceClient sessions;

    public ConversationTracker(@RestClient SessionServiceClient sessions) {
        this.sessions = sessions;
    }

    /** Stores the conversation's new messages; the session id they went to. */
    public Uni<String> track(String userId, String requestedId, List<ChatMessage> conversation) {
        if (requestedId != null && !requestedId.isBlank()) {
            return open(userId, requestedId, 1, 0, conversation, true);
        }
        return open(userId, SessionIds.derive(userId, conversation), 1, 0, conversation, false);
    }

    public Uni<Void> recordReply(String userId, String sessionId, ChatMessage reply) {
        return sessions.append(userId, sessionId, new AppendMessages(List.of(reply)))
                .replaceWithVoid();
    }

    private Uni<String> open(String userId, String baseId, int generation, int storedBefore,
            List<ChatMessage> conversation, boolean named) {
        String id = generation == 1 ? baseId : baseId + "-" + generation;
        return sessions.create(userId, new CreateSession(id, null))
                .onFailure(ConversationTracker::takenByAnotherUser)
                .transform(e -> GatewayException.notFound("session-not-found", "no session " + id + " of yours"))
                .chain(session -> {
                    if (!session.ended()) {
                        return storeNew(userId, session, storedBefore, conversation).replaceWith(id);
                    }
                    if (named) {
                        throw GatewayException.conflict("session-ended", "session " + id + " has ended; start another");
                    }
                    if (generation >= MAX_FOLLOW_UPS) {
                        throw GatewayException.conflict("session-ended", "this conversation has ended; start another");
                    }
                    return open(userId, baseId, generation + 1, storedBefore + session.messageCount(), conversation,
                            false);
                });
    }

    private Uni<Void> storeNew(String userId, SessionRecord session, int storedBefore, List<ChatMessage> conversation) {
        int known = storedBefore + session.messageCount();
        if (known >= conversation.size()) {
            // a retry or a regenerated answer: everything the client sent is stored already
            return Uni.createFrom().voidItem();
        }
        return sessions.append(userId, session.id(), new AppendMessages(conversation.subList(known,
                conversation.size())))
                .replaceWithVoid();
    }

    private static boolean takenByAnotherUser(Throwable failure) {
        return failure instanceof GatewayException e && e.status() == 409;
    }
}
