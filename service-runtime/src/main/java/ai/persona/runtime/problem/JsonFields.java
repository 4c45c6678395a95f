package ai.persona.runtime.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

import ai.persona.input.LogText;

/**
 * The request field a JSON body could not be read into, named as clients name fields ({@code messages[0].content}),
 * so an unreadable body's problem can point at its input like any other bad field.
 */
final class JsonFields {

    private JsonFields() {
    }

    /** The field at fault, or null when the body is not JSON at all or the failure has no place. */
    static String at(JsonProcessingException failure) {
        if (!(failure instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            return null;
        }
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference step : mapping.getPath()) {
            if (step.getFieldName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(step.getFieldName());
            } else if (step.getIndex() >= 0) {
                field.append('[').append(step.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? null : LogText.escape(field.toString());
    }
}
