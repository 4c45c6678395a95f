package ai.persona.events;

import static ai.persona.events.PersonaService.CHAT_GATEWAY;
import static ai.persona.events.PersonaService.PERSONA_UPDATER;
import static ai.persona.events.PersonaService.SESSION_SERVICE;

import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every event the system exchanges over Kafka, defined once: topic, record key, CloudEvents type, payload class, the one
 * service that may produce it and the services that consume it. Every record on these topics is keyed by user id, so
 * one user's events stay in order on one partition. Consumers refuse records of any other producer
 * ({@link RecordOrigin}); the Kafka ACLs in Kubernetes grant exactly these writes and reads (deploy-check compares them).
 */
public enum EventContract {
    /** A session's messages and its end, as they happen; short retention: session-service materializes them at once. */
    SESSION_EVENT("persona.session-events.v1", "ai.persona.SessionEvent.v1", SessionEvent.class,
            CHAT_GATEWAY, EnumSet.of(SESSION_SERVICE, PERSONA_UPDATER)),
    CONVERSATION_COMPLETED("persona.conversations.completed.v1", "ai.persona.ConversationCompleted.v1",
            ConversationCompleted.class, SESSION_SERVICE, EnumSet.of(PERSONA_UPDATER)),
    PERSONA_PATCH_PROPOSED("persona.patches.proposed.v1", "ai.persona.PersonaPatchProposed.v1",
            PersonaPatchProposed.class, PERSONA_UPDATER, EnumSet.of(SESSION_SERVICE)),
    /**
     * Compacted: the latest value per user is their current persona; a null value (tombstone) means the user was deleted.
     * Other systems follow it too, with Kafka users of their own.
     */
    PERSONA_CHANGED("persona.changed.v1", "ai.persona.PersonaChanged.v1", PersonaChanged.class,
            SESSION_SERVICE, EnumSet.of(CHAT_GATEWAY, PERSONA_UPDATER));

    /** The record key of every topic. */
    public static final String KEY = "userId";

    /**
     * Where consumers put records they cannot read or must refuse, with the original topic in a header: every service
     * that consumes a topic of the contract writes it.
     */
    public static final String DEAD_LETTER_TOPIC = "persona.dead-letter.v1";

    private final String topic;
    private final String cloudEventType;
    private final Class<?> payload;
    private final PersonaService producer;
    private final Set<PersonaService> consumers;

    EventContract(String topic, String cloudEventType, Class<?> payload, PersonaService producer,
            Set<PersonaService> consumers) {
        this.topic = topic;
        this.cloudEventType = cloudEventType;
        this.payload = payload;
        this.producer = producer;
        this.consumers = Set.copyOf(consumers);
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

    /** The only service that may write this topic; its id is the {@code ce_source} of every record on it. */
    public PersonaService producer() {
        return producer;
    }

    public Set<PersonaService> consumers() {
        return consumers;
    }

    /** The contract of a topic, or null for a topic outside it (the dead-letter topic among them). */
    public static EventContract ofTopic(String topic) {
        for (EventContract event : values()) {
            if (event.topic.equals(topic)) {
                return event;
            }
        }
        return null;
    }

    /** The topics the service writes: those it produces, and the dead-letter topic when it consumes any. */
    public static Set<String> topicsWrittenBy(PersonaService service) {
        Set<String> topics = new TreeSet<>();
        for (EventContract event : values()) {
            if (event.producer == service) {
                topics.add(event.topic);
            }
        }
        if (!topicsReadBy(service).isEmpty()) {
            topics.add(DEAD_LETTER_TOPIC);
        }
        return topics;
    }

    /** The topics the service reads. */
    public static Set<String> topicsReadBy(PersonaService service) {
        Set<String> topics = new TreeSet<>();
        for (EventContract event : values()) {
            if (event.consumers.contains(service)) {
                topics.add(event.topic);
            }
        }
        return topics;
    }
}
