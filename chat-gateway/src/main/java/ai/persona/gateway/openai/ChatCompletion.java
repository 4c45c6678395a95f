package ai.persona.gateway.openai;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A chat completion or one streamed chunk of it, in OpenAI's wire format ({@code object} tells which). Written by hand
 * because langchain4j's own response class has no {@code object} member, which OpenAI clients may look at.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatCompletion(String id, String object, long created, String model, List<Choice> choices,
        Usage usage) {

    public static final String COMPLETION = "chat.completion";
    public static final String CHUNK = "chat.completion.chunk";

    /** {@code message} in a completion, {@code delta} in a chunk; finish_reason is written even when null, as OpenAI does. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Choice(int index, OpenAiMessage message, OpenAiMessage delta,
            @JsonInclude(JsonInclude.Include.ALWAYS) String finishReason) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Usage(int promptTokens, int completionTokens, int totalTokens) {
    }
}
