package ai.persona.gateway.openai;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import ai.persona.runtime.problem.ProblemException;
import dev.langchain4j.model.openai.internal.chat.AssistantMessage;
import dev.langchain4j.model.openai.internal.chat.Content;
import dev.langchain4j.model.openai.internal.chat.ContentType;
import dev.langchain4j.model.openai.internal.chat.FunctionCall;
import dev.langchain4j.model.openai.internal.chat.ImageDetail;
import dev.langchain4j.model.openai.internal.chat.ImageUrl;
import dev.langchain4j.model.openai.internal.chat.Message;
import dev.langchain4j.model.openai.internal.chat.SystemMessage;
import dev.langchain4j.model.openai.internal.chat.ToolCall;
import dev.langchain4j.model.openai.internal.chat.ToolMessage;
import dev.langchain4j.model.openai.internal.chat.ToolType;
import dev.langchain4j.model.openai.internal.chat.UserMessage;
import ai.persona.events.ChatMessage;
import ai.persona.events.MessageRole;

/** A client's messages as the model gets them (as sent) and as the session keeps them (role, text, tool calls). */
public final class OpenAiMessages {

    private OpenAiMessages() {
    }

    public static Message toModel(OpenAiMessage message) {
        return switch (message.role()) {
            // "developer" is the newer name of "system"; OpenAI-compatible servers do not all know it
            case "system", "developer" -> SystemMessage.builder().content(message.text()).name(message.name()).build();
            case "user" -> user(message);
            case "assistant" -> AssistantMessage.builder()
                    .content(message.text())
                    .name(message.name())
                    .toolCalls(message.toolCalls() == null ? null : message.toolCalls().stream()
                            .map(OpenAiMessages::toModel)
                            .toList())
                    .build();
            case "tool" -> ToolMessage.from(message.toolCallId(), message.text());
            default -> throw ProblemException.badRequest("unknown role " + message.role());
        };
    }

    public static ChatMessage toStored(OpenAiMessage message, Instant at) {
        MessageRole role = switch (message.role()) {
            case "system", "developer" -> MessageRole.SYSTEM;
            case "assistant" -> MessageRole.ASSISTANT;
            case "tool" -> MessageRole.TOOL;
            default -> MessageRole.USER;
        };
        List<ai.persona.events.ToolCall> calls = message.toolCalls() == null ? List.of() : message.toolCalls().stream()
                .map(call -> new ai.persona.events.ToolCall(call.id(), call.function() == null ? null
                        : call.function().name(), call.function() == null ? null : call.function().arguments()))
                .toList();
        String text = message.text();
        // session-service keeps text; an image-only message is kept as a marker rather than dropped
        if (text == null && calls.isEmpty()) {
            text = "[non-text content]";
        }
        return new ChatMessage(role, text, at, calls, message.toolCallId());
    }

    private static Message user(OpenAiMessage message) {
        JsonNode content = message.content();
        if (content == null || content.isNull() || content.isTextual()) {
            return UserMessage.builder().content(message.text()).name(message.name()).build();
        }
        List<Content> parts = new ArrayList<>();
        for (JsonNode part : content) {
            switch (part.path("type").asText()) {
                case "text" -> parts.add(Content.builder().type(ContentType.TEXT).text(part.path("text").asText())
                        .build());
                case "image_url" -> parts.add(Content.builder().type(ContentType.IMAGE_URL)
                        .imageUrl(ImageUrl.builder()
                                .url(part.path("image_url").path("url").asText())
                                .detail(detail(part.path("image_url").path("detail").asText(null)))
                                .build())
                        .build());
                default -> throw ProblemException.badRequest("content parts of type " + part.path("type").asText()
                        + " are not supported; use text or image_url");
            }
        }
        return UserMessage.builder().content(parts).name(message.name()).build();
    }

    private static ImageDetail detail(String detail) {
        try {
            return detail == null ? null : ImageDetail.valueOf(detail.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw ProblemException.badRequest("image_url.detail is low, high or auto, got " + detail);
        }
    }

    private static ToolCall toModel(OpenAiMessage.ToolCallWire call) {
        return ToolCall.builder()
                .id(call.id())
                .type(ToolType.FUNCTION)
                .function(FunctionCall.builder()
                        .name(call.function() == null ? null : call.function().name())
                        .arguments(call.function() == null ? null : call.function().arguments())
                        .build())
                .build();
    }
}
