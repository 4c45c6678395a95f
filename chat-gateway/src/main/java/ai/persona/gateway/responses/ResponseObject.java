package ai.persona.gateway.responses;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A response in OpenAI's Responses shape. Members without a value are written as null, as OpenAI does: clients
 * validate the object's shape. The request's own settings (tools, temperature, ...) are echoed as given.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ResponseObject(String id, String object, long createdAt, String status, Failure error,
        Incomplete incompleteDetails, String instructions, JsonNode maxOutputTokens, String model,
        List<OutputItem> output, JsonNode parallelToolCalls, String previousResponseId, JsonNode reasoning,
        boolean store, JsonNode temperature, JsonNode text, JsonNode toolChoice, JsonNode tools, JsonNode topP,
        String truncation, Usage usage, JsonNode user, JsonNode metadata) {

    public record Failure(String code, String message) {
    }

    public record Incomplete(String reason) {
    }

    /** A message (role, content) or a function call (call_id, name, arguments), by {@code type}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OutputItem(String type, String id, String status, String role, List<OutputText> content,
            String callId, String name, String arguments) {

        static OutputItem message(String id, String status, List<OutputText> content) {
            return new OutputItem("message", id, status, "assistant", content, null, null, null);
        }

        static OutputItem functionCall(String id, String status, String callId, String name, String arguments) {
            return new OutputItem("function_call", id, status, null, null, callId, name, arguments);
        }
    }

    public record OutputText(String type, String text, List<Object> annotations) {

        static OutputText of(String text) {
            return new OutputText("output_text", text, List.of());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Usage(int inputTokens, Details inputTokensDetails, int outputTokens, Details outputTokensDetails,
            int totalTokens) {

        static Usage of(int input, int output) {
            return new Usage(input, new Details(0, null), output, new Details(null, 0), input + output);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Details(Integer cachedTokens, Integer reasoningTokens) {
    }
}
