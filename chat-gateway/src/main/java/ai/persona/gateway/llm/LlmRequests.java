package ai.persona.gateway.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.langchain4j.model.openai.internal.chat.AssistantMessage;
import dev.langchain4j.model.openai.internal.chat.ChatCompletionRequest;
import dev.langchain4j.model.openai.internal.chat.FunctionCall;
import dev.langchain4j.model.openai.internal.chat.Message;
import dev.langchain4j.model.openai.internal.chat.SystemMessage;
import dev.langchain4j.model.openai.internal.chat.Tool;
import dev.langchain4j.model.openai.internal.chat.ToolCall;
import dev.langchain4j.model.openai.internal.chat.ToolMessage;
import dev.langchain4j.model.openai.internal.chat.ToolType;
import dev.langchain4j.model.openai.internal.chat.UserMessage;
import ai.persona.events.ChatMessage;

/**
 * Builds the model request: the gateway's system message (the persona) first, then the conversation. Used by the native
 * API, whose conversation is the stored session; the OpenAI-compatible API brings its own messages
 * ({@link ai.persona.gateway.openai.OpenAiRequests}).
 */
public final class LlmRequests {

    private LlmRequests() {
    }

    /**
     * @param systemPrompt the persona block, or null for none
     * @param tools the client's tools (null for none), tool choice and any other parameter are passed on as given
     */
    public static ChatCompletionRequest request(String model, String systemPrompt, List<Message> conversation,
            List<Tool> tools, Object toolChoice, Map<String, Object> otherParameters) {
        List<Message> messages = new ArrayList<>(conversation.size() + 1);
        if (systemPrompt != null) {
            messages.add(SystemMessage.from(systemPrompt));
        }
        messages.addAll(conversation);
        ChatCompletionRequest.Builder builder = ChatCompletionRequest.builder()
                .model(model)
                .messages(messages)
                .tools(tools)
                .customParameters(otherParameters == null ? Map.of() : otherParameters);
        if (toolChoice != null) {
            builder.toolChoice(toolChoice);
        }
        return builder.build();
    }

    /** A stored message as the model reads it. */
    public static Message toModel(ChatMessage message) {
        return switch (message.role()) {
            case SYSTEM -> SystemMessage.from(message.content());
            case USER -> UserMessage.from(message.content());
            case ASSISTANT -> AssistantMessage.builder()
                    .content(message.content())
                    .toolCalls(message.toolCalls().isEmpty() ? null : message.toolCalls().stream()
                            .map(LlmRequests::toModel)
                            .toList())
                    .build();
            case TOOL -> ToolMessage.from(message.toolCallId(), message.content());
        };
    }

    public static ToolCall toModel(ai.persona.events.ToolCall call) {
        return ToolCall.builder()
                .id(call.id())
                .type(ToolType.FUNCTION)
                .function(FunctionCall.builder().name(call.name()).arguments(call.arguments()).build())
                .build();
    }
}
