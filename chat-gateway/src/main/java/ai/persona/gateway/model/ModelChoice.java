package ai.persona.gateway.model;

/**
 * One of the model's answers to a request (clients rarely ask for more than one).
 *
 * @param index null when the model left it out
 * @param message the assistant's message in a whole reply, the delta in a stream chunk; null when there is none
 * @param finishReason "stop", "length", "tool_calls", ...; null while a stream goes on
 */
public record ModelChoice(Integer index, ModelMessage message, String finishReason) {
}
