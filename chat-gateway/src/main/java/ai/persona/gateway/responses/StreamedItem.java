package ai.persona.gateway.responses;

import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.persona.gateway.responses.ResponseObject.OutputItem;
import ai.persona.gateway.responses.ResponseObject.OutputText;

/** One output item of a streamed response as it grows: a message's text, or a function call's arguments. */
final class StreamedItem {

    private final String id;
    private final int outputIndex;
    private final StringBuilder text = new StringBuilder();
    private final String callId;
    private final String name;

    /** @param callId the function call's id, null for a message */
    StreamedItem(String id, int outputIndex, String callId, String name) {
        this.id = id;
        this.outputIndex = outputIndex;
        this.callId = callId;
        this.name = name;
    }

    String id() {
        return id;
    }

    int outputIndex() {
        return outputIndex;
    }

    boolean isCall() {
        return callId != null;
    }

    void append(String delta) {
        text.append(delta);
    }

    String text() {
        return text.toString();
    }

    OutputItem output(String status) {
        return isCall() ? OutputItem.functionCall(id, status, callId, name, text.toString())
                : OutputItem.message(id, status, status.equals("completed")
                        ? List.of(OutputText.of(text.toString())) : List.of());
    }

    /** The items as the assistant's message in chat form, as the conversation goes on with it. */
    static ObjectNode assistantMessage(List<StreamedItem> items) {
        ObjectNode message = JsonNodeFactory.instance.objectNode().put("role", "assistant");
        StringBuilder text = new StringBuilder();
        items.stream().filter(item -> !item.isCall()).forEach(item -> text.append(item.text));
        if (text.isEmpty()) {
            message.putNull("content");
        } else {
            message.put("content", text.toString());
        }
        ArrayNode calls = JsonNodeFactory.instance.arrayNode();
        items.stream().filter(StreamedItem::isCall).forEach(item -> calls.addObject().put("id", item.callId)
                .put("type", "function").putObject("function").put("name", item.name)
                .put("arguments", item.text.toString()));
        if (!calls.isEmpty()) {
            message.set("tool_calls", calls);
        }
        return message;
    }
}
