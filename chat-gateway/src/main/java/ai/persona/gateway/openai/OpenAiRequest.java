package ai.persona.gateway.openai;

import java.util.List;
import java.util.Map;

import ai.persona.gateway.model.ModelTool;

/**
 * A client's chat completion request as the gateway understands it.
 *
 * @param tools the client's tools, its JSON Schemas untouched; null for none
 * @param toolChoice "auto", "none", "required" or {"type":"function",...}, as the client sent it
 * @param otherParameters every other member of the request (temperature, max_tokens, stream_options, ...), passed on
 */
public record OpenAiRequest(String model, List<OpenAiMessage> messages, boolean stream, List<ModelTool> tools,
        Object toolChoice, Map<String, Object> otherParameters) {
}
