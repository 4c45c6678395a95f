package ai.persona.gateway.responses;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;

import ai.persona.gateway.responses.ResponseObject.Failure;
import ai.persona.gateway.responses.ResponseObject.Incomplete;
import ai.persona.gateway.responses.ResponseObject.OutputItem;
import ai.persona.gateway.responses.ResponseObject.Usage;

/** What a response object is made of before the model has answered: its id, when, and the request it answers. */
record ResponseDraft(String id, long createdAt, ResponsesRequest request) {

    static ResponseDraft of(ResponsesRequest request) {
        return new ResponseDraft(newId("resp_"), Instant.now().getEpochSecond(), request);
    }

    /** An id in OpenAI's style: a prefix naming the kind of object, then 32 hex digits. */
    static String newId(String prefix) {
        UUID uuid = UUID.randomUUID();
        return prefix + HexFormat.of().toHexDigits(uuid.getMostSignificantBits())
                + HexFormat.of().toHexDigits(uuid.getLeastSignificantBits());
    }

    ResponseObject inProgress() {
        return with("in_progress", List.of(), null, null, null);
    }

    /** The finished response: "incomplete" when the model stopped at max_output_tokens. */
    ResponseObject finished(List<OutputItem> output, Usage usage, String finishReason) {
        boolean cut = "length".equals(finishReason);
        return with(cut ? "incomplete" : "completed", output, usage, null,
                cut ? new Incomplete("max_output_tokens") : null);
    }

    ResponseObject failed(List<OutputItem> output, Failure failure) {
        return with("failed", output, null, failure, null);
    }

    private ResponseObject with(String status, List<OutputItem> output, Usage usage, Failure error,
            Incomplete incomplete) {
        JsonNode echoed = request.echoed();
        return new ResponseObject(id, "response", createdAt, status, error, incomplete, request.instructions(),
                echoed.get("max_output_tokens"), request.model(), output,
                echoed.has("parallel_tool_calls") ? echoed.get("parallel_tool_calls")
                        : JsonNodeFactory.instance.booleanNode(true),
                request.previousResponseId(), echoed.get("reasoning"), true, echoed.get("temperature"),
                echoed.has("text") ? echoed.get("text") : defaultText(), echoed.has("tool_choice")
                        ? echoed.get("tool_choice") : TextNode.valueOf("auto"),
                echoed.has("tools") ? echoed.get("tools") : JsonNodeFactory.instance.arrayNode(), echoed.get("top_p"),
                "disabled", usage, echoed.get("user"), echoed.has("metadata") ? echoed.get("metadata")
                        : JsonNodeFactory.instance.objectNode());
    }

    private static JsonNode defaultText() {
        return JsonNodeFactory.instance.objectNode().set("format",
                JsonNodeFactory.instance.objectNode().put("type", "text"));
    }
}
