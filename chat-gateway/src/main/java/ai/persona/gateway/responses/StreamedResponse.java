package ai.persona.gateway.responses;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.persona.gateway.responses.ResponseObject.Failure;
import ai.persona.gateway.responses.ResponseObject.OutputItem;
import ai.persona.gateway.responses.ResponseObject.OutputText;
import ai.persona.gateway.responses.ResponseObject.Usage;

/**
 * Turns the chunks of a streamed chat completion into the Responses API's events, in the order OpenAI sends them: an
 * output item is added, its text or arguments arrive as deltas, it is done; then the next item. Holds one stream's
 * state, so one instance per streamed response.
 */
final class StreamedResponse {

    private final ResponseDraft draft;
    private final List<StreamedItem> items = new ArrayList<>();
    private StreamedItem open;
    private Integer openToolIndex;
    private int sequence;
    private Usage usage = Usage.of(0, 0);
    private String finishReason;
    private Failure failure;

    StreamedResponse(ResponseDraft draft) {
        this.draft = draft;
    }

    List<ResponseEvent> started() {
        ResponseObject response = draft.inProgress();
        return List.of(ResponseEvent.ofResponse("response.created", sequence++, response),
                ResponseEvent.ofResponse("response.in_progress", sequence++, response));
    }

    /** The events of one chat-completion chunk. */
    List<ResponseEvent> chunk(JsonNode chunk) {
        List<ResponseEvent> events = new ArrayList<>();
        if (chunk.path("usage").isObject()) {
            usage = CompletedResponses.usage(chunk.get("usage"));
        }
        JsonNode choice = chunk.path("choices").path(0);
        JsonNode delta = choice.path("delta");
        if (delta.path("content").isTextual() && !delta.get("content").asText().isEmpty()) {
            text(delta.get("content").asText(), events);
        }
        for (JsonNode call : delta.path("tool_calls")) {
            toolCall(call, events);
        }
        if (choice.path("finish_reason").isTextual()) {
            finishReason = choice.get("finish_reason").asText();
        }
        return events;
    }

    /** The chat stream's error frame ({"error":{...}}): reported as OpenAI's error event; the response fails. */
    List<ResponseEvent> failed(JsonNode error) {
        failure = new Failure(error.path("code").asText("server_error"), error.path("message").asText());
        return List.of(ResponseEvent.error(sequence++, failure.code(), failure.message()));
    }

    boolean isFailed() {
        return failure != null;
    }

    /** The closing events, ending with the finished (or failed) response. */
    List<ResponseEvent> finished() {
        List<ResponseEvent> events = new ArrayList<>();
        close(events);
        ResponseObject response = response();
        String type = failure != null ? "response.failed"
                : response.status().equals("incomplete") ? "response.incomplete" : "response.completed";
        events.add(ResponseEvent.ofResponse(type, sequence++, response));
        return events;
    }

    ResponseObject response() {
        List<OutputItem> output = items.stream().map(item -> item.output("completed")).toList();
        return failure != null ? draft.failed(output, failure) : draft.finished(output, usage, finishReason);
    }

    /** The assistant's message as the conversation goes on with it, in chat form. */
    ObjectNode assistantMessage() {
        return StreamedItem.assistantMessage(items);
    }

    private void text(String delta, List<ResponseEvent> events) {
        if (open == null || open.isCall()) {
            close(events);
            open = add(new StreamedItem(ResponseDraft.newId("msg_"), items.size(), null, null), events);
            events.add(ResponseEvent.ofPart("response.content_part.added", sequence++, open.id(), open.outputIndex(),
                    OutputText.of("")));
        }
        open.append(delta);
        events.add(ResponseEvent.ofText("response.output_text.delta", sequence++, open.id(), open.outputIndex(), 0,
                delta, null, null));
    }

    private void toolCall(JsonNode call, List<ResponseEvent> events) {
        int index = call.path("index").asInt(0);
        if (open == null || !open.isCall() || openToolIndex == null || openToolIndex != index) {
            close(events);
            open = add(new StreamedItem(ResponseDraft.newId("fc_"), items.size(), call.path("id").asText(""),
                    call.path("function").path("name").asText("")), events);
            openToolIndex = index;
        }
        String arguments = call.path("function").path("arguments").asText("");
        if (!arguments.isEmpty()) {
            open.append(arguments);
            events.add(ResponseEvent.ofText("response.function_call_arguments.delta", sequence++, open.id(),
                    open.outputIndex(), null, arguments, null, null));
        }
    }

    private StreamedItem add(StreamedItem item, List<ResponseEvent> events) {
        items.add(item);
        events.add(ResponseEvent.ofItem("response.output_item.added", sequence++, item.outputIndex(),
                item.output("in_progress")));
        return item;
    }

    private void close(List<ResponseEvent> events) {
        if (open == null) {
            return;
        }
        String whole = open.text();
        if (open.isCall()) {
            events.add(ResponseEvent.ofText("response.function_call_arguments.done", sequence++, open.id(),
                    open.outputIndex(), null, null, null, whole));
        } else {
            events.add(ResponseEvent.ofText("response.output_text.done", sequence++, open.id(), open.outputIndex(), 0,
                    null, whole, null));
            events.add(ResponseEvent.ofPart("response.content_part.done", sequence++, open.id(), open.outputIndex(),
                    OutputText.of(whole)));
        }
        events.add(ResponseEvent.ofItem("response.output_item.done", sequence++, open.outputIndex(),
                open.output("completed")));
        open = null;
        openToolIndex = null;
    }
}
