package ai.persona.gateway.openai;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

import ai.persona.gateway.model.ModelTool;
import ai.persona.gateway.service.GatewayException;
import ai.persona.input.LogText;
import ai.persona.input.UserText;
import ai.persona.model.PersonaJson;

/** Reads a /v1/chat/completions body; anything malformed is the client's 400, in OpenAI's error shape. */
public final class OpenAiRequests {

    private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant", "tool");
    private static final Set<String> HANDLED = Set.of("model", "messages", "stream", "tools", "tool_choice");
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private OpenAiRequests() {
    }

    public static OpenAiRequest read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw GatewayException.badRequest("the body must be a JSON object");
        }
        JsonNode model = body.path("model");
        if (!model.isMissingNode() && !model.isNull() && !model.isTextual()) {
            throw GatewayException.badField("model", "\"model\" is a string; GET /v1/models lists them");
        }
        JsonNode stream = body.path("stream");
        if (!stream.isMissingNode() && !stream.isNull() && !stream.isBoolean()) {
            throw GatewayException.badRequest("\"stream\" must be true or false");
        }
        Map<String, Object> others = new LinkedHashMap<>();
        body.properties().forEach(member -> {
            if (!HANDLED.contains(member.getKey())) {
                others.put(member.getKey(), PersonaJson.mapper().convertValue(member.getValue(), Object.class));
            }
        });
        JsonNode toolChoice = body.get("tool_choice");
        return new OpenAiRequest(body.path("model").asText(null), messages(body.get("messages")),
                stream.asBoolean(false), tools(body.get("tools")),
                toolChoice == null || toolChoice.isNull() ? null
                        : PersonaJson.mapper().convertValue(toolChoice, Object.class),
                others);
    }

    private static List<OpenAiMessage> messages(JsonNode messages) {
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            throw GatewayException.badRequest("\"messages\" must be a non-empty array");
        }
        List<OpenAiMessage> read = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            String field = "messages[" + i + "]";
            OpenAiMessage message = message(field, messages.get(i));
            if (message.role() == null || !ROLES.contains(message.role())) {
                throw GatewayException.badField(field + ".role", "a message's role is one of " + ROLES + ", got "
                        + LogText.escape(message.role()));
            }
            if ("tool".equals(message.role()) && message.toolCallId() == null) {
                throw GatewayException.badField(field + ".tool_call_id", "a tool message needs the tool_call_id it"
                        + " answers");
            }
            read.add(message);
        }
        return read;
    }

    // a null or a string where a message belongs was read as a null message, and failed later as a 500
    private static OpenAiMessage message(String field, JsonNode node) {
        if (node == null || !node.isObject()) {
            throw GatewayException.badField(field, field + " must be an object such as {\"role\":\"user\",\"content\":"
                    + "\"...\"}, not " + (node == null ? "missing" : node.getNodeType().name().toLowerCase()));
        }
        UserText.firstProblem(node).ifPresent(problem -> {
            throw GatewayException.badField(field + problem.pointer().replace('/', '.'), field + problem.pointer()
                    .replace('/', '.') + " " + problem.detail());
        });
        try {
            OpenAiMessage message = PersonaJson.mapper().treeToValue(node, OpenAiMessage.class);
            if (message.toolCalls() != null && message.toolCalls().contains(null)) {
                throw GatewayException.badField(field + ".tool_calls", "each tool call is an object");
            }
            return message;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw GatewayException.badField(field, "unreadable message: " + LogText.escape(e.getMessage()));
        }
    }

    private static List<ModelTool> tools(JsonNode tools) {
        if (tools == null || tools.isNull()) {
            return null;
        }
        if (!tools.isArray()) {
            throw GatewayException.badRequest("\"tools\" must be an array");
        }
        List<ModelTool> read = new ArrayList<>();
        for (JsonNode tool : tools) {
            JsonNode function = tool.path("function");
            if (!"function".equals(tool.path("type").asText("function")) || !function.path("name").isTextual()
                    || function.has("parameters") && !function.get("parameters").isObject()) {
                throw GatewayException.badField("tools", "each tool is {\"type\":\"function\",\"function\":"
                        + "{\"name\":...,\"parameters\":{...}}}");
            }
            read.add(new ModelTool(function.get("name").asText(),
                    function.path("description").asText(null),
                    function.path("strict").isBoolean() ? function.get("strict").asBoolean() : null,
                    function.has("parameters")
                            ? PersonaJson.mapper().convertValue(function.get("parameters"), OBJECT) : null));
        }
        return read;
    }
}
