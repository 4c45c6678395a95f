package ai.persona.gateway.openai;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import ai.persona.events.ChatMessage;
import ai.persona.events.MessageRole;
import ai.persona.gateway.model.ModelContentPart;
import ai.persona.gateway.model.ModelContentPart.ImageDetail;
import ai.persona.gateway.model.ModelMessage;
import ai.persona.gateway.model.ModelRole;
import ai.persona.gateway.model.ModelToolCall;
import ai.persona.gateway.service.GatewayException;

/** A client's messages as the model gets them (as sent) and as the session keeps them (role, text, tool calls). */
public final class OpenAiMessages {

    private OpenAiMessages() {
    }

    public static ModelMessage toModel(OpenAiMessage message) {
        return switch (message.role()) {
            // "developer" is the newer name of "system"; OpenAI-compatible servers do not all know it
            case "system", "developer" -> new ModelMessage(ModelRole.SYSTEM, message.text(), null, message.name(),
                    null, null);
            case "user" -> new ModelMessage(ModelRole.USER, message.text(), parts(message.content()), message.name(),
                    null, null);
            case "assistant" -> new ModelMessage(ModelRole.ASSISTANT, message.text(), null, message.name(),
                    message.toolCalls() == null ? null : message.toolCalls().stream()
                            .map(OpenAiMessages::toModel)
                            .toList(),
                    null);
            case "tool" -> ModelMessage.tool(message.toolCallId(), message.text());
            default -> throw GatewayException.badRequest("unknown role " + message.role());
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

    /** A user message's content parts; null for plain text (or none). */
    private static List<ModelContentPart> parts(JsonNode content) {
        if (content == null || content.isNull() || content.isTextual()) {
            return null;
        }
        List<ModelContentPart> parts = new ArrayList<>();
        for (JsonNode part : content) {
            switch (part.path("type").asText()) {
                case "text" -> parts.add(ModelContentPart.text(part.path("text").asText()));
                case "image_url" -> parts.add(ModelContentPart.image(part.path("image_url").path("url").asText(),
                        detail(part.path("image_url").path("detail").asText(null))));
                default -> throw GatewayException.badRequest("content parts of type " + part.path("type").asText()
                        + " are not supported; use text or image_url");
            }
        }
        return parts;
    }

    private static ImageDetail detail(String detail) {
        try {
            return detail == null ? null : ImageDetail.valueOf(detail.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw GatewayException.badRequest("image_url.detail is low, high or auto, got " + detail);
        }
    }

    private static ModelToolCall toModel(OpenAiMessage.ToolCallWire call) {
        return ModelToolCall.function(call.id(),
                call.function() == null ? null : call.function().name(),
                call.function() == null ? null : call.function().arguments());
    }
}
