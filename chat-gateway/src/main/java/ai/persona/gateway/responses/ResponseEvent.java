package ai.persona.gateway.responses;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import ai.persona.gateway.responses.ResponseObject.OutputItem;
import ai.persona.gateway.responses.ResponseObject.OutputText;

/** One server-sent event of a streamed response; {@code type} says which of the members it carries. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResponseEvent(String type, int sequenceNumber, ResponseObject response, Integer outputIndex,
        OutputItem item, String itemId, Integer contentIndex, OutputText part, String delta, String text,
        String arguments, String code, String message, String param) {

    static ResponseEvent ofResponse(String type, int sequence, ResponseObject response) {
        return new ResponseEvent(type, sequence, response, null, null, null, null, null, null, null, null, null, null,
                null);
    }

    static ResponseEvent ofItem(String type, int sequence, int outputIndex, OutputItem item) {
        return new ResponseEvent(type, sequence, null, outputIndex, item, null, null, null, null, null, null, null,
                null, null);
    }

    static ResponseEvent ofPart(String type, int sequence, String itemId, int outputIndex, OutputText part) {
        return new ResponseEvent(type, sequence, null, outputIndex, null, itemId, 0, part, null, null, null, null,
                null, null);
    }

    /** A text or arguments delta ({@code content_index} only for text), or their final value. */
    static ResponseEvent ofText(String type, int sequence, String itemId, int outputIndex, Integer contentIndex,
            String delta, String text, String arguments) {
        return new ResponseEvent(type, sequence, null, outputIndex, null, itemId, contentIndex, null, delta, text,
                arguments, null, null, null);
    }

    static ResponseEvent error(int sequence, String code, String message) {
        return new ResponseEvent("error", sequence, null, null, null, null, null, null, null, null, null, code,
                message, null);
    }
}
