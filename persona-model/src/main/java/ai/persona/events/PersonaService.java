package ai.persona.events;

/**
 * The services that exchange events. {@link #id()} is, in one place, the CloudEvents {@code source} each one writes
 * on every record it produces, the name of its Kafka user (a Strimzi {@code KafkaUser} in Kubernetes, a SCRAM user on
 * the local broker) and the prefix of its consumer groups.
 */
public enum PersonaService {
    CHAT_GATEWAY("chat-gateway"),
    SESSION_SERVICE("session-service"),
    PERSONA_UPDATER("persona-updater");

    private final String id;

    PersonaService(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The service with this id, or null: an id from a header or a manifest may be anything. */
    public static PersonaService byId(String id) {
        for (PersonaService service : values()) {
            if (service.id.equals(id)) {
                return service;
            }
        }
        return null;
    }
}
