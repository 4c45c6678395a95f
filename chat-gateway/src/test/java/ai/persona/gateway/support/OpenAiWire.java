package ai.persona.gateway.support;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** OpenAI's reply shapes as a model sends them: completions, stream chunks, tool calls. For {@link LlmStub}. */
final class OpenAiWire {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenAiWire() {
    }

    static List<ObjectNode> textChunks(String text) {
        List<ObjectNode> chunks = new ArrayList<>();
        chunks.add(chunk(JSON.createObjectNode().put("role", "assistant").put("content", ""), null));
        for (int at = 0; at < text.length(); at += 4) {
            chunks.add(chunk(JSON.createObjectNode().put("content", text.substring(at, Math.min(text.length(), at + 4))),
                    null));
        }
        chunks.add(chunk(JSON.createObjectNode(), "stop"));
        return chunks;
    }

    static ObjectNode toolDelta(String id, String name, String arguments) {
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
        delta.set("tool_calls", JSON.createArrayNode().add(call));
        return chunk(delta, null);
    }

    static ObjectNode toolCall(String id, String name, String arguments) {
        ObjectNode call = JSON.createObjectNode().put("id", id).put("type", "function");
        call.putObject("function").put("name", name).put("arguments", arguments);
        return call;
    }

    static ObjectNode textMessage(String text) {
        return JSON.createObjectNode().put("role", "assistant").put("content", text);
    }

    static ObjectNode completion(ObjectNode message, String finishReason) {
        ObjectNode body = envelope("chat.completion");
        ObjectNode choice = ((ArrayNode) body.get("choices")).addObject().put("index", 0);
        choice.set("message", message);
        choice.put("finish_reason", finishReason);
        body.putObject("usage").put("prompt_tokens", 10).put("completion_tokens", 5).put("total_tokens", 15);
        return body;
    }

    static ObjectNode chunk(ObjectNode delta, String finishReason) {
        ObjectNode body = envelope("chat.completion.chunk");
        ObjectNode choice = ((ArrayNode) body.get("choices")).addObject().put("index", 0);
        choice.set("delta", delta);
        choice.put("finish_reason", finishReason);
        return body;
    }

    static ObjectNode envelope(String object) {
        ObjectNode body = JSON.createObjectNode().put("id", "chatcmpl-stub").put("object", object)
                .put("created", 1_700_000_000L).put("model", LlmStub.MODEL);
        body.putArray("choices");
        return body;
    }
}
