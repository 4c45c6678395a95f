package ai.persona.gateway.service;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Everything this gateway instance keeps in memory about a user: the persona cache, open sessions, the chats it tracks
 * and the past-session text retrieved for a session. Forgotten in one place, so that a deletion (here, or a tombstone
 * from any instance) cannot miss one of them.
 */
@ApplicationScoped
public class UserMemory {

    private final PersonaCache personas;
    private final ActiveSessions active;
    private final ConversationTracker conversations;
    private final PastSessions pastSessions;

    public UserMemory(PersonaCache personas, ActiveSessions active, ConversationTracker conversations,
            PastSessions pastSessions) {
        this.personas = personas;
        this.active = active;
        this.conversations = conversations;
        this.pastSessions = pastSessions;
    }

    public void forget(String userId) {
        personas.forget(userId);
        active.forget(userId);
        conversations.forget(userId);
        pastSessions.forget(userId);
    }
}
