package ai.persona.infra.testing;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** OpenAI's chat-completion shapes as a model sends them (whole, streamed, tool calls), for {@link OpenAiStub}. */
final class OpenAiWire {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenAiWire() {
    }

    static ObjectNode textMessage(String text) {
        return JSON.createObjectNode().put("role", "assistant").put("content", text);
    }

    static ObjectNode toolCallMessage(String id, String name, String arguments) {
        ObjectNode call = JSON.createObjectNode().put("id", id).put("type", "function");
        call.putObject("function").put("name", name).put("arguments", arguments);
        ObjectNode message = JSON.createObjectNode().put("role", "assistant").putNull("content");
        message.putArray("tool_calls").add(call);
        return message;
    }

    static String completion(ObjectNode message, String finishReason, int promptTokens, int completionTokens) {
        ObjectNode body = envelope("chat.completion");
        ObjectNode choice = ((ArrayNode) body.get("choices")).addObject().put("index", 0);
        choice.set("message", message);
        choice.put("finish_reason", finishReason);
        body.putObject("usage").put("prompt_tokens", promptTokens).put("completion_tokens", completionTokens)
                .put("total_tokens", promptTokens + completionTokens);
        return body.toString();
    }

    /** Server-sent events: the text a few characters per chunk, then {@code [DONE]}. */
    static String textStream(String text) {
        List<ObjectNode> chunks = new ArrayList<>();
        chunks.add(chunk(JSON.createObjectNode().put("role", "assistant").put("content", ""), null));
        for (int at = 0; at < text.length(); at += 4) {
            chunks.add(chunk(JSON.createObjectNode().put("content", text.substring(at, Math.min(text.length(), at + 4))),
                    null));
        }
        chunks.add(chunk(JSON.createObjectNode(), "stop"));
        return events(chunks);
    }

    /** Server-sent events: a call of the tool, its arguments in two pieces. */
    static String toolCallStream(String id, String name, String arguments) {
        int half = arguments.length() / 2;
        return events(List.of(
                toolDelta(id, name, ""),
                toolDelta(null, null, arguments.substring(0, half)),
                toolDelta(null, null, arguments.substring(half)),
                chunk(JSON.createObjectNode(), "tool_calls")));
    }

    static String error(String message, String type) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("error").put("message", message).put("type", type);
        return body.toString();
    }

    private static String events(List<ObjectNode> chunks) {
        StringBuilder events = new StringBuilder();
        chunks.forEach(chunk -> events.append("data: ").append(chunk).append("\n\n"));
        return events.append("data: [DONE]\n\n").toString();
    }

    private static ObjectNode toolDelta(String id, String name, String arguments) {
        ObjectNode call = JSON.createObjectNode().put("index", 0);
        if (id != null) {
            call.put("id", id).put("type", "function");
        }
        ObjectNode function = call.putObject("function");
        if (name != null) {
            function.put("name", name);
        }
        function.put("arguments", arguments);
        ObjectNode delta = JSON.createObjectNode();
        delta.putArray("tool_calls").add(call);
        return chunk(delta, null);
    }

    private static ObjectNode chunk(ObjectNode delta, String finishReason) {
        ObjectNode body = envelope("chat.completion.chunk");
        ObjectNode choice = ((ArrayNode) body.get("choices")).addObject().put("index", 0);
        choice.set("delta", delta);
        choice.put("finish_reason", finishReason);
        return body;
    }

    private static ObjectNode envelope(String object) {
        ObjectNode body = JSON.createObjectNode().put("id", "chatcmpl-stub").put("object", object)
                .put("created", 1_700_000_000L).put("model", OpenAiStub.MODEL);
        body.putArray("choices");
        return body;
    }
}
