package ai.persona.benchgen.llm;

import java.time.Duration;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.output.TokenUsage;

/** One stage's model: a system and a user prompt in, text and its cost out. */
public final class StageModel {

    private final ChatModel model;

    public StageModel(Stage stage, StageEndpoint endpoint, Duration timeout, Integer seed) {
        this.model = OpenAiChatModel.builder()
                .baseUrl(endpoint.baseUrl())
                .apiKey(endpoint.apiKey())
                .modelName(endpoint.model())
                .temperature(stage.temperature())
                .seed(seed)
                .timeout(timeout)
                // langchain4j retries 429s, 5xx and timeouts itself; the stage's own retry is for a malformed answer
                .maxRetries(3)
                .build();
    }

    /** For a stand-in model in tests. */
    public StageModel(ChatModel model) {
        this.model = model;
    }

    public Reply ask(String system, String user) {
        ChatResponse response = model.chat(ChatRequest.builder()
                .messages(SystemMessage.from(system), UserMessage.from(user))
                .build());
        String text = response.aiMessage().text();
        return new Reply(text == null ? "" : text, usage(response.tokenUsage()));
    }

    private static Usage usage(TokenUsage tokens) {
        if (tokens == null) {
            return new Usage(1, 0, 0);
        }
        return new Usage(1, orZero(tokens.inputTokenCount()), orZero(tokens.outputTokenCount()));
    }

    private static long orZero(Integer count) {
        return count == null ? 0 : count;
    }

    /** A model's reply text and what it cost. */
    public record Reply(String text, Usage usage) {
    }
}
