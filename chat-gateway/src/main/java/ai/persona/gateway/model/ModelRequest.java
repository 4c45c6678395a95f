package ai.persona.gateway.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A chat completion request as the gateway sends it to the model.
 *
 * @param tools the client's tools, their JSON Schemas untouched; null for none
 * @param toolChoice "auto", "none", "required" or {"type":"function",...} as the client sent it; null for none
 * @param otherParameters every other parameter (temperature, max_tokens, stream_options, ...), passed on as given
 */
public record ModelRequest(String model, List<ModelMessage> messages, List<ModelTool> tools, Object toolChoice,
        Map<String, Object> otherParameters) {

    public ModelRequest {
        messages = List.copyOf(messages);
        otherParameters = otherParameters == null ? Map.of() : otherParameters;
    }

    /** The gateway's system message (the persona; null for none) first, then the conversation. */
    public static ModelRequest of(String model, String systemPrompt, List<ModelMessage> conversation,
            List<ModelTool> tools, Object toolChoice, Map<String, Object> otherParameters) {
        List<ModelMessage> messages = new ArrayList<>(conversation.size() + 1);
        if (systemPrompt != null) {
            messages.add(ModelMessage.system(systemPrompt));
        }
        messages.addAll(conversation);
        return new ModelRequest(model, messages, tools, toolChoice, otherParameters);
    }

    /** A request of the conversation alone: no tools, no other parameters. */
    public static ModelRequest of(String model, String systemPrompt, List<ModelMessage> conversation) {
        return of(model, systemPrompt, conversation, null, null, Map.of());
    }
}
