package ai.persona.benchgen.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.persona.benchgen.llm.InvalidAnswer;
import ai.persona.model.PersonaJson;

/** Reads the JSON object a stage asks for, tolerating a code fence or words around it, as the authors' code does. */
public final class JsonAnswers {

    private JsonAnswers() {
    }

    public static ObjectNode object(String answer) throws InvalidAnswer {
        int start = answer.indexOf('{');
        int end = answer.lastIndexOf('}');
        if (start < 0 || end < start) {
            throw new InvalidAnswer("the answer holds no JSON object");
        }
        try {
            JsonNode node = PersonaJson.mapper().readTree(answer.substring(start, end + 1));
            if (!node.isObject()) {
                throw new InvalidAnswer("the answer holds no JSON object");
            }
            return (ObjectNode) node;
        } catch (JsonProcessingException e) {
            throw new InvalidAnswer("the answer is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** The field's text, or an invalid answer naming the missing field. */
    public static String requiredText(JsonNode node, String field, String where) throws InvalidAnswer {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new InvalidAnswer(where + " lacks the text field '" + field + "'");
        }
        return value.asText().strip();
    }
}
