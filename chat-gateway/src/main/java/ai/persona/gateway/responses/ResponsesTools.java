package ai.persona.gateway.responses;

import static ai.persona.gateway.responses.InvalidResponsesRequest.invalid;
import static ai.persona.gateway.responses.InvalidResponsesRequest.unsupported;
import static ai.persona.gateway.responses.ResponsesRequests.present;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Function tools, flat in the Responses API ({type, name, description, parameters, strict}), nested in chat
 * completions ({type, function:{...}}). OpenAI's built-in tools (web search, file search, code interpreter, ...) run on
 * OpenAI's side; the gateway has none of them and refuses them by name.
 */
final class ResponsesTools {

    private static final Set<String> CHOICES = Set.of("auto", "none", "required");

    private ResponsesTools() {
    }

    static void translate(JsonNode body, ObjectNode chat) {
        JsonNode tools = body.get("tools");
        boolean anyTool = tools != null && tools.isArray() && !tools.isEmpty();
        if (present(body, "tools")) {
            chat.set("tools", tools(tools));
        }
        if (present(body, "tool_choice")) {
            chat.set("tool_choice", choice(body.get("tool_choice")));
        }
        // chat completions refuses parallel_tool_calls without tools
        if (present(body, "parallel_tool_calls") && anyTool) {
            chat.set("parallel_tool_calls", body.get("parallel_tool_calls"));
        }
    }

    private static ArrayNode tools(JsonNode tools) {
        if (!tools.isArray()) {
            throw invalid("tools", "\"tools\" must be an array");
        }
        ArrayNode translated = JsonNodeFactory.instance.arrayNode();
        for (JsonNode tool : tools) {
            String type = tool.path("type").asText();
            if (!"function".equals(type)) {
                throw unsupported("tools", "tools of type " + (type.isEmpty() ? "(none)" : type)
                        + " are not supported here: only function tools, which the client runs itself");
            }
            if (!tool.path("name").isTextual()) {
                throw invalid("tools", "a function tool needs a \"name\"");
            }
            ObjectNode function = translated.addObject().put("type", "function").putObject("function");
            for (String member : new String[] { "name", "description", "parameters", "strict" }) {
                if (present(tool, member)) {
                    function.set(member, tool.get(member));
                }
            }
        }
        return translated;
    }

    private static JsonNode choice(JsonNode choice) {
        if (choice.isTextual() && CHOICES.contains(choice.asText())) {
            return choice;
        }
        if (choice.isObject() && "function".equals(choice.path("type").asText()) && choice.path("name").isTextual()) {
            ObjectNode named = JsonNodeFactory.instance.objectNode().put("type", "function");
            named.putObject("function").put("name", choice.get("name").asText());
            return named;
        }
        throw unsupported("tool_choice", "tool_choice is auto, none, required or {\"type\":\"function\",\"name\":...}");
    }
}
