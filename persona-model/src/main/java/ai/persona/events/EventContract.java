package ai.persona.events;

/**
 * Every event the system exchanges over Kafka, defined once: topic, record key, CloudEvents type and payload class. Every
 * record on these topics is keyed by user id, so one user's events stay in order on one partition.
 */
public enum EventContract {
    /** A session's messages and its end, as they happen; short retention: session-service materializes them at once. */
    SESSION_EVENT("persona.session-events.v1", "ai.persona.SessionEvent.v1", SessionEvent.class),
    CONVERSATION_COMPLETED("persona.conversations.completed.v1", "ai.persona.ConversationCompleted.v1",
            ConversationCompleted.class),
    PERSONA_PATCH_PROPOSED("persona.patches.proposed.v1", "ai.persona.PersonaPatchProposed.v1",
            PersonaPatchProposed.class),
    /** Compacted: the latest value per user is their current persona; a null value (tombstone) means the user was deleted. */
    PERSONA_CHANGED("persona.changed.v1", "ai.persona.PersonaChanged.v1", PersonaChanged.class);

    /** The record key of every topic. */
    public static final String KEY = "userId";

    /** Where consumers put records they cannot read, with the original topic in a header. */
    public static final String DEAD_LETTER_TOPIC = "persona.dead-letter.v1";

    private final String topic;
    private final String cloudEventType;
    private final Class<?> payload;

    EventContract(String topic, String cloudEventType, Class<?> payload) {
        this.topic = topic;
        this.cloudEventType = cloudEventType;
        this.payload = payload;
    }

    public String topic() {
        return topic;
    }

    public String cloudEventType() {
        return cloudEventType;
    }

    public Class<?> payload() {
        return payload;
    }
}
