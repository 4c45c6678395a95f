package ai.persona.gateway.responses;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import ai.persona.gateway.responses.ResponseObject.OutputItem;
import ai.persona.gateway.responses.ResponseObject.OutputText;
import ai.persona.gateway.responses.ResponseObject.Usage;

/** A whole chat completion (the gateway's own /v1/chat/completions answer) as a response object's output. */
final class CompletedResponses {

    private CompletedResponses() {
    }

    static ResponseObject of(ResponseDraft draft, JsonNode completion) {
        JsonNode choice = completion.path("choices").path(0);
        JsonNode message = choice.path("message");
        List<OutputItem> output = new ArrayList<>();
        if (message.path("content").isTextual() && !message.get("content").asText().isEmpty()) {
            output.add(OutputItem.message(ResponseDraft.newId("msg_"), "completed",
                    List.of(OutputText.of(message.get("content").asText()))));
        }
        for (JsonNode call : message.path("tool_calls")) {
            output.add(OutputItem.functionCall(ResponseDraft.newId("fc_"), "completed", call.path("id").asText(),
                    call.path("function").path("name").asText(), call.path("function").path("arguments").asText()));
        }
        return draft.finished(output, usage(completion.path("usage")), choice.path("finish_reason").asText(null));
    }

    /** The assistant's message as the conversation goes on with it: content and tool calls, in chat form. */
    static JsonNode assistantMessage(JsonNode completion) {
        return completion.path("choices").path(0).path("message");
    }

    static Usage usage(JsonNode usage) {
        return Usage.of(usage.path("prompt_tokens").asInt(0), usage.path("completion_tokens").asInt(0));
    }
}
