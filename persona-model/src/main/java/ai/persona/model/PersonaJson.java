package ai.persona.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON settings the event contracts are written with. Quarkus services use their own configured mapper with the same
 * settings (ISO-8601 instants, unknown properties ignored so older consumers read newer events).
 */
public final class PersonaJson {

    private static final ObjectMapper MAPPER = configure(new ObjectMapper());

    private PersonaJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public static ObjectNode emptyPersona() {
        return MAPPER.createObjectNode();
    }
}
