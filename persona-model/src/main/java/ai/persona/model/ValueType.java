package ai.persona.model;

import com.fasterxml.jackson.databind.JsonNode;

/** The kinds of value a persona field may hold. */
public enum ValueType {
    STRING,
    NUMBER,
    BOOLEAN,
    STRING_LIST,
    /** Fields the optimizer adds to an open section: any of the other kinds. */
    ANY;

    public boolean accepts(JsonNode value) {
        return switch (this) {
            case STRING -> value.isTextual();
            case NUMBER -> value.isNumber();
            case BOOLEAN -> value.isBoolean();
            case STRING_LIST -> isStringList(value);
            case ANY -> value.isTextual() || value.isNumber() || value.isBoolean() || isStringList(value);
        };
    }

    private static boolean isStringList(JsonNode value) {
        if (!value.isArray()) {
            return false;
        }
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                return false;
            }
        }
        return true;
    }
}
