package ai.persona.events;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One message of a conversation.
 *
 * @param toolCalls the calls an assistant message made (empty otherwise)
 * @param toolCallId for a tool message, the call it answers
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ChatMessage(MessageRole role, String content, Instant at, List<ToolCall> toolCalls, String toolCallId) {

    public ChatMessage {
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }

    public static ChatMessage of(MessageRole role, String content, Instant at) {
        return new ChatMessage(role, content, at, List.of(), null);
    }
}
