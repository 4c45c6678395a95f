package ai.persona.benchgen.run;

import com.fasterxml.jackson.databind.JsonNode;

import ai.persona.benchgen.llm.Usage;

/**
 * One finished unit of work, as kept in the output folder: its validated value, or why it was dropped (malformed
 * answers) or filtered (the filter's verdict); and what it cost.
 *
 * @param stage the stage's option name (persona, scene, query, filter)
 * @param value null unless done
 */
public record UnitRecord(String stage, String status, JsonNode value, String reason, Usage usage) {

    public static final String DONE = "done";
    public static final String DROPPED = "dropped";
    public static final String FILTERED = "filtered";

    public boolean done() {
        return DONE.equals(status);
    }
}
