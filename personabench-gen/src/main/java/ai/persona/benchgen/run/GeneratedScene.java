package ai.persona.benchgen.run;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A scene that passed every stage, in the released field order.
 *
 * @param common adapted from the shared list (generated_data) rather than specific to the persona (persona_profile)
 */
public record GeneratedScene(boolean common, String name, String summary, JsonNode detail, String personalizedQuery,
        String neutralizedQuery) {
}
