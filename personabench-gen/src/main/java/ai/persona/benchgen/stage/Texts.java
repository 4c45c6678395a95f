package ai.persona.benchgen.stage;

import com.fasterxml.jackson.core.JsonProcessingException;

import ai.persona.model.PersonaJson;
import ai.persona.model.ValueType;

/** How the stages put values into their prompts. */
final class Texts {

    private Texts() {
    }

    static String json(Object value) {
        try {
            return PersonaJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a prompt value as JSON", e);
        }
    }

    static String typeName(ValueType type) {
        return switch (type) {
            case STRING -> "text";
            case NUMBER -> "number";
            case BOOLEAN -> "true or false";
            case STRING_LIST -> "list of texts";
            case ANY -> "text";
        };
    }
}
