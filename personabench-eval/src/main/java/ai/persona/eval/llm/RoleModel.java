package ai.persona.eval.llm;

import java.time.Duration;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.output.TokenUsage;

import ai.persona.eval.config.RoleEndpoint;

/** One of the tool's LLM roles: a system prompt and a user prompt in, text out; rate-limited and counted. */
public final class RoleModel {

    private final String role;
    private final ChatModel model;
    private final RateLimiter limiter;
    private final TokenTally tally;

    public RoleModel(String role, RoleEndpoint endpoint, Duration timeout, RateLimiter limiter, TokenTally tally) {
        this.role = role;
        this.limiter = limiter;
        this.tally = tally;
        this.model = OpenAiChatModel.builder()
                .baseUrl(endpoint.baseUrl())
                .apiKey(endpoint.apiKey())
                .modelName(endpoint.model())
                .temperature(role.equals("judge") ? 0.0 : null)
                .timeout(timeout)
                // langchain4j retries 429s, 5xx and timeouts itself; the tool's own retries are for bad verdicts
                .maxRetries(3)
                .build();
    }

    public String role() {
        return role;
    }

    public Answer ask(String system, String user) {
        limiter.acquire();
        ChatResponse response = model.chat(ChatRequest.builder()
                .messages(SystemMessage.from(system), UserMessage.from(user))
                .build());
        Usage usage = usage(response.tokenUsage());
        tally.add(role, usage);
        String text = response.aiMessage().text();
        return new Answer(text == null ? "" : text, usage);
    }

    static Usage usage(TokenUsage tokens) {
        if (tokens == null) {
            return new Usage(1, 0, 0);
        }
        return new Usage(1, orZero(tokens.inputTokenCount()), orZero(tokens.outputTokenCount()));
    }

    private static long orZero(Integer count) {
        return count == null ? 0 : count;
    }
}
