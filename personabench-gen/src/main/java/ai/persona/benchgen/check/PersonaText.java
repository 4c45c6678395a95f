package ai.persona.benchgen.check;

import com.fasterxml.jackson.databind.JsonNode;

/** A persona's text values joined, for the language check and the duplicate measure. */
final class PersonaText {

    private PersonaText() {
    }

    static String of(JsonNode persona, boolean withoutName) {
        StringBuilder text = new StringBuilder();
        persona.properties().forEach(section -> section.getValue().properties().forEach(field -> {
            if (!(withoutName && field.getKey().equals("Name"))) {
                append(field.getValue(), text);
            }
        }));
        return text.toString();
    }

    private static void append(JsonNode value, StringBuilder text) {
        if (value.isArray()) {
            value.forEach(item -> append(item, text));
        } else if (value.isValueNode()) {
            text.append(value.asText()).append('\n');
        }
    }
}
