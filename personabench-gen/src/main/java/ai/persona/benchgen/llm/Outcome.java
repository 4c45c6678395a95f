package ai.persona.benchgen.llm;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What asking a stage's model for one unit gave: a validated value, or the reason it was dropped; and what it cost.
 *
 * @param value null when dropped
 */
public record Outcome(JsonNode value, String droppedReason, Usage usage) {

    public boolean dropped() {
        return value == null;
    }
}
