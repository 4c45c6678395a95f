package ai.persona.updater.llm;

import java.time.LocalDate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One change the model proposed, as it said it.
 *
 * @param action add_field, update_field or remove_field
 * @param value the field's whole new value; null for remove_field
 * @param until for a temporary value: the last day it holds ("until": "YYYY-MM-DD"); null otherwise
 * @param days for a temporary value: about how many days it holds from the conversation ("days": N); null otherwise
 */
public record ProposedChange(String action, String section, String field, JsonNode value, String reason,
        LocalDate until, Integer days) {

    /** A lasting change. */
    public ProposedChange(String action, String section, String field, JsonNode value, String reason) {
        this(action, section, field, value, reason, null, null);
    }

    public static final String ADD = "add_field";
    public static final String UPDATE = "update_field";
    public static final String REMOVE = "remove_field";

    public boolean isRemoval() {
        return REMOVE.equals(action);
    }

    public boolean isTemporary() {
        return until != null || days != null;
    }
}
