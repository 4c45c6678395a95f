package ai.persona.gateway.openai;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A chat message in OpenAI's wire format, as clients send it and as replies and stream deltas carry it.
 *
 * @param content a string, or an array of content parts ({"type":"text","text":...}, image_url parts)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OpenAiMessage(String role, JsonNode content, String name, List<ToolCallWire> toolCalls,
        String toolCallId) {

    /** A tool call; {@code index} only in stream deltas, where one call arrives over several chunks. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ToolCallWire(Integer index, String id, String type, FunctionWire function) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FunctionWire(String name, String arguments) {
    }

    /** The text of the content: the string itself, or the text parts joined; null when there is none. */
    public String text() {
        if (content == null || content.isNull()) {
            return null;
        }
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : content) {
            if ("text".equals(part.path("type").asText()) && part.path("text").isTextual()) {
                text.append(text.isEmpty() ? "" : "\n").append(part.path("text").asText());
            }
        }
        return text.isEmpty() ? null : text.toString();
    }
}
