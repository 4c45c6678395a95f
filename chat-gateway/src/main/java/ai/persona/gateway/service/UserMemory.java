package ai.persona.gateway.service;

import jakarta.enterprise.context.ApplicationScoped;

import ai.persona.gateway.keys.ContentKeyCache;

/**
 * Everything this gateway instance keeps in memory about a user: the persona cache, open sessions, the chats it tracks,
 * the past-session text retrieved for a session, the user's content key and the replies of their idempotent turns. Forgotten in one place, so that a deletion
 * (here, or a tombstone from any instance) cannot miss one of them.
 */
@ApplicationScoped
public class UserMemory {

    private final PersonaCache personas;
    private final ActiveSessions active;
    private final ConversationTracker conversations;
    private final PastSessions pastSessions;
    private final ContentKeyCache contentKeys;
    private final IdempotentTurns turns;

    public UserMemory(PersonaCache personas, ActiveSessions active, ConversationTracker conversations,
            PastSessions pastSessions, ContentKeyCache contentKeys, IdempotentTurns turns) {
        this.contentKeys = contentKeys;
        this.personas = personas;
        this.active = active;
        this.conversations = conversations;
        this.pastSessions = pastSessions;
        this.turns = turns;
    }

    public void forget(String userId) {
        personas.forget(userId);
        active.forget(userId);
        conversations.forget(userId);
        pastSessions.forget(userId);
        contentKeys.forget(userId);
        turns.forget(userId);
    }
}
