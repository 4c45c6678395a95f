package ai.persona.gateway.model;

import java.util.Map;

/**
 * A function the model may call, as the client declared it.
 *
 * @param strict null when the client did not say
 * @param parameters the function's JSON Schema as sent; null for none
 */
public record ModelTool(String name, String description, Boolean strict, Map<String, Object> parameters) {
}
