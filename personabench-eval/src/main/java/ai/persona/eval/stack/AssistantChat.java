package ai.persona.eval.stack;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;

import ai.persona.personabench.ApiSpec;
import ai.persona.personabench.Scene;
import ai.persona.eval.llm.RateLimiter;

/**
 * The assistant under test, as any OpenAI client sees it: the gateway's {@code /v1/chat/completions} with the user's
 * token as API key. One per session: the session is named with {@code X-Session-Id}, so the gateway stores the
 * conversation in the session the tool opened and later ends.
 */
public final class AssistantChat {

    public static final String SESSION_HEADER = "X-Session-Id";

    private final ChatModel model;
    private final RateLimiter limiter;

    public AssistantChat(String openAiBaseUrl, String token, String modelName, String sessionId, Duration timeout,
            RateLimiter limiter) {
        this.limiter = limiter;
        this.model = OpenAiChatModel.builder()
                .baseUrl(openAiBaseUrl)
                .apiKey(token)
                .modelName(modelName)
                .customHeaders(Map.of(SESSION_HEADER, sessionId))
                .timeout(timeout)
                // a repeated turn is safe: the gateway stores only the messages it has not stored yet
                .maxRetries(2)
                .build();
    }

    public ChatResponse reply(List<ChatMessage> conversation, List<ToolSpecification> tools) {
        limiter.acquire();
        ChatRequest.Builder request = ChatRequest.builder().messages(conversation);
        if (!tools.isEmpty()) {
            request.toolSpecifications(tools);
        }
        return model.chat(request.build());
    }

    /** The scene's APIs as OpenAI tools; their arguments are strings, as the data describes them only by name. */
    public static List<ToolSpecification> tools(Scene scene) {
        return scene.availableApis().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(api -> tool(api.getKey(), api.getValue()))
                .toList();
    }

    private static ToolSpecification tool(String name, ApiSpec spec) {
        JsonObjectSchema.Builder parameters = JsonObjectSchema.builder();
        spec.arguments().forEach(argument -> parameters.addStringProperty(argument));
        return ToolSpecification.builder()
                .name(name)
                .description(spec.description())
                .parameters(parameters.build())
                .build();
    }
}
