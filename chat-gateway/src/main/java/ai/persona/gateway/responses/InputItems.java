package ai.persona.gateway.responses;

import static ai.persona.gateway.responses.InvalidResponsesRequest.invalid;
import static ai.persona.gateway.responses.InvalidResponsesRequest.unsupported;

import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A Responses {@code input} as chat-completions messages: a string is one user message; messages keep their role
 * (content parts input_text/output_text become text, input_image an image part); function_call items become the
 * assistant's tool calls and function_call_output items tool messages; an item_reference stands for an output item the
 * gateway gave earlier.
 */
final class InputItems {

    private static final Set<String> ROLES = Set.of("user", "assistant", "system", "developer");

    private InputItems() {
    }

    /** @param references the output item an item_reference names, if the gateway still has it */
    static ArrayNode toChat(JsonNode input, Function<String, Optional<JsonNode>> references) {
        ArrayNode messages = JsonNodeFactory.instance.arrayNode();
        if (input != null && input.isTextual()) {
            messages.addObject().put("role", "user").put("content", input.asText());
            return messages;
        }
        if (input == null || !input.isArray() || input.isEmpty()) {
            throw invalid("input", "\"input\" must be a string or a non-empty array of input items");
        }
        for (JsonNode given : input) {
            JsonNode item = "item_reference".equals(given.path("type").asText()) ? referenced(given, references) : given;
            String type = item.path("type").asText("message");
            switch (type) {
                case "message" -> messages.add(message(item));
                case "function_call" -> functionCall(item, messages);
                case "function_call_output" -> messages.addObject().put("role", "tool")
                        .put("tool_call_id", required(item, "call_id"))
                        .put("content", text(item.get("output")));
                default -> throw unsupported("input", "input items of type " + type + " are not supported here");
            }
        }
        return messages;
    }

    private static JsonNode referenced(JsonNode reference, Function<String, Optional<JsonNode>> references) {
        String id = reference.path("id").asText();
        return references.apply(id).orElseThrow(() -> invalid("input", "Item with id '" + id + "' not found: this "
                + "gateway keeps output items in memory for a while only; send the item itself instead"));
    }

    private static ObjectNode message(JsonNode item) {
        String role = item.path("role").asText();
        if (!ROLES.contains(role)) {
            throw invalid("input", "a message's role is one of " + ROLES + ", got " + (role.isEmpty() ? "none" : role));
        }
        ObjectNode message = JsonNodeFactory.instance.objectNode().put("role", role);
        JsonNode content = item.get("content");
        if (content != null && content.isArray() && hasImage(content)) {
            message.set("content", parts(content));
        } else {
            message.put("content", text(content));
        }
        return message;
    }

    // one assistant message carries the calls made together, and the text said before them
    private static void functionCall(JsonNode item, ArrayNode messages) {
        JsonNode last = messages.isEmpty() ? null : messages.get(messages.size() - 1);
        ObjectNode assistant = last != null && "assistant".equals(last.path("role").asText())
                ? (ObjectNode) last : messages.addObject().put("role", "assistant").putNull("content");
        ArrayNode calls = assistant.has("tool_calls") ? (ArrayNode) assistant.get("tool_calls")
                : assistant.putArray("tool_calls");
        ObjectNode call = calls.addObject().put("id", required(item, "call_id")).put("type", "function");
        call.putObject("function").put("name", required(item, "name"))
                .put("arguments", item.path("arguments").asText("{}"));
    }

    private static String text(JsonNode content) {
        if (content == null || content.isNull()) {
            throw invalid("input", "a message needs its \"content\"");
        }
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : content) {
            String type = part.path("type").asText();
            if (!type.equals("input_text") && !type.equals("output_text")) {
                throw unsupported("input", "content parts of type " + type + " are not supported here");
            }
            text.append(text.isEmpty() ? "" : "\n").append(part.path("text").asText());
        }
        return text.toString();
    }

    private static ArrayNode parts(JsonNode content) {
        ArrayNode parts = JsonNodeFactory.instance.arrayNode();
        for (JsonNode part : content) {
            if ("input_image".equals(part.path("type").asText())) {
                if (!part.path("image_url").isTextual()) {
                    throw unsupported("input", "input_image is supported with an image_url, not a file_id");
                }
                ObjectNode image = parts.addObject().put("type", "image_url").putObject("image_url")
                        .put("url", part.get("image_url").asText());
                if (part.path("detail").isTextual()) {
                    image.put("detail", part.get("detail").asText());
                }
            } else {
                parts.addObject().put("type", "text").put("text", text(JsonNodeFactory.instance.arrayNode().add(part)));
            }
        }
        return parts;
    }

    private static boolean hasImage(JsonNode content) {
        for (JsonNode part : content) {
            if ("input_image".equals(part.path("type").asText())) {
                return true;
            }
        }
        return false;
    }

    private static String required(JsonNode item, String name) {
        if (!item.path(name).isTextual()) {
            throw invalid("input", "a " + item.path("type").asText() + " item needs its \"" + name + "\"");
        }
        return item.get(name).asText();
    }
}
