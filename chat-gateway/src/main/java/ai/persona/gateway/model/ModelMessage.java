package ai.persona.gateway.model;

import java.util.List;

import ai.persona.events.ChatMessage;

/**
 * A message of the conversation the model reads, or of its reply (in a stream chunk: the delta, whose role may be
 * null).
 *
 * @param text the content as text; null when there is none (a call-only reply) or when {@code parts} hold it
 * @param parts a user message's content parts (text and images), null for plain text
 * @param name the participant's name a client may give; null for none
 * @param toolCalls the assistant's function calls, null for none
 * @param toolCallId the call a tool message answers
 */
public record ModelMessage(ModelRole role, String text, List<ModelContentPart> parts, String name,
        List<ModelToolCall> toolCalls, String toolCallId) {

    public static ModelMessage system(String text) {
        return new ModelMessage(ModelRole.SYSTEM, text, null, null, null, null);
    }

    public static ModelMessage user(String text) {
        return new ModelMessage(ModelRole.USER, text, null, null, null, null);
    }

    public static ModelMessage tool(String toolCallId, String text) {
        return new ModelMessage(ModelRole.TOOL, text, null, null, null, toolCallId);
    }

    /** A message of a stored session, as the model reads it. */
    public static ModelMessage of(ChatMessage stored) {
        return switch (stored.role()) {
            case SYSTEM -> system(stored.content());
            case USER -> user(stored.content());
            case ASSISTANT -> new ModelMessage(ModelRole.ASSISTANT, stored.content(), null, null,
                    stored.toolCalls().isEmpty() ? null : stored.toolCalls().stream()
                            .map(call -> ModelToolCall.function(call.id(), call.name(), call.arguments()))
                            .toList(),
                    null);
            case TOOL -> tool(stored.toolCallId(), stored.content());
        };
    }
}
