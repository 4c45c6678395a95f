package ai.persona.gateway.responses;

import static ai.persona.gateway.responses.InvalidResponsesRequest.invalid;
import static ai.persona.gateway.responses.InvalidResponsesRequest.unsupported;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads a /v1/responses body. What maps onto chat completions is translated; what the gateway cannot honour is refused
 * by name (400 naming the field) rather than silently ignored.
 */
public final class ResponsesRequests {

    /** Responses members with the same meaning in chat completions, passed on under the chat name. */
    private static final Map<String, String> PASSED_ON = Map.of(
            "temperature", "temperature",
            "top_p", "top_p",
            "max_output_tokens", "max_tokens",
            "user", "user",
            "service_tier", "service_tier",
            "safety_identifier", "safety_identifier",
            "prompt_cache_key", "prompt_cache_key");
    /** Handled here, or accepted without effect (metadata is only echoed; stream_options has nothing to set). */
    private static final Set<String> HANDLED = Set.of("model", "input", "instructions", "stream", "previous_response_id",
            "tools", "tool_choice", "parallel_tool_calls", "text", "reasoning", "store", "background", "include",
            "truncation", "metadata", "stream_options");
    private static final Set<String> ECHOED = Set.of("tools", "tool_choice", "temperature", "top_p", "max_output_tokens",
            "metadata", "text", "parallel_tool_calls", "user", "reasoning");

    private ResponsesRequests() {
    }

    public static ResponsesRequest read(JsonNode body, Function<String, Optional<JsonNode>> references) {
        if (body == null || !body.isObject()) {
            throw invalid(null, "the body must be a JSON object");
        }
        body.fieldNames().forEachRemaining(ResponsesRequests::checkKnown);
        refuseWhatCannotBeHonoured(body);
        ObjectNode chat = JsonNodeFactory.instance.objectNode();
        PASSED_ON.forEach((name, chatName) -> {
            if (present(body, name)) {
                chat.set(chatName, body.get(name));
            }
        });
        ResponsesTools.translate(body, chat);
        text(body.path("text"), chat);
        if (present(body.path("reasoning"), "effort")) {
            chat.set("reasoning_effort", body.path("reasoning").get("effort"));
        }
        ObjectNode echoed = JsonNodeFactory.instance.objectNode();
        ECHOED.forEach(name -> {
            if (present(body, name)) {
                echoed.set(name, body.get(name));
            }
        });
        return new ResponsesRequest(string(body, "model"), bool(body, "stream"), string(body, "instructions"),
                string(body, "previous_response_id"), InputItems.toChat(body.get("input"), references), chat, echoed);
    }

    private static void checkKnown(String name) {
        if (!HANDLED.contains(name) && !PASSED_ON.containsKey(name)) {
            throw unsupported(name, "\"" + name + "\" is not supported by this gateway's Responses API");
        }
    }

    private static void refuseWhatCannotBeHonoured(JsonNode body) {
        if (body.path("store").isBoolean() && !body.get("store").asBoolean()) {
            throw unsupported("store", "store=false cannot be honoured: this gateway records every turn in the user's "
                    + "session, which is what personalizes their next ones");
        }
        if (body.path("background").asBoolean(false)) {
            throw unsupported("background", "background responses are not supported; send the request without it");
        }
        if (body.path("include").isArray() && !body.get("include").isEmpty()) {
            throw unsupported("include", "\"include\" is not supported: there are no extra output data to add");
        }
        if (present(body, "truncation") && !"disabled".equals(body.get("truncation").asText())) {
            throw unsupported("truncation", "only truncation \"disabled\" is supported");
        }
        JsonNode reasoning = body.path("reasoning");
        if (reasoning.isObject() && present(reasoning, "summary")) {
            throw unsupported("reasoning.summary", "reasoning summaries are not supported");
        }
    }

    // text.format: plain text, or JSON output as chat completions' response_format
    private static void text(JsonNode text, ObjectNode chat) {
        JsonNode format = text.path("format");
        String type = format.path("type").asText("text");
        switch (type) {
            case "text" -> {
            }
            case "json_object" -> chat.putObject("response_format").put("type", "json_object");
            case "json_schema" -> {
                ObjectNode schema = format.deepCopy();
                schema.remove("type");
                ObjectNode responseFormat = chat.putObject("response_format").put("type", "json_schema");
                responseFormat.set("json_schema", schema);
            }
            default -> throw unsupported("text.format", "text.format of type " + type + " is not supported");
        }
    }

    private static String string(JsonNode body, String name) {
        if (!present(body, name)) {
            return null;
        }
        if (!body.get(name).isTextual()) {
            throw invalid(name, "\"" + name + "\" must be a string");
        }
        return body.get(name).asText();
    }

    private static boolean bool(JsonNode body, String name) {
        if (!present(body, name)) {
            return false;
        }
        if (!body.get(name).isBoolean()) {
            throw invalid(name, "\"" + name + "\" must be true or false");
        }
        return body.get(name).asBoolean();
    }

    static boolean present(JsonNode node, String name) {
        return node.has(name) && !node.get(name).isNull();
    }
}
