package ai.persona.updater.llm;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One change the model proposed, as it said it.
 *
 * @param action add_field, update_field or remove_field
 * @param value the field's whole new value; null for remove_field
 */
public record ProposedChange(String action, String section, String field, JsonNode value, String reason) {

    public static final String ADD = "add_field";
    public static final String UPDATE = "update_field";
    public static final String REMOVE = "remove_field";

    public boolean isRemoval() {
        return REMOVE.equals(action);
    }
}
