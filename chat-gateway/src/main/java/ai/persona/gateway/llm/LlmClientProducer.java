package ai.persona.gateway.llm;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import dev.langchain4j.model.openai.internal.OpenAiClient;
import io.quarkiverse.langchain4j.openai.runtime.config.LangChain4jOpenAiConfig;

/**
 * The OpenAI-compatible model endpoint, configured with quarkus-langchain4j-openai's own keys
 * ({@code quarkus.langchain4j.openai.base-url}, {@code api-key}, {@code timeout}, {@code log-requests}, ...).
 *
 * <p>Why langchain4j's lower-level {@link OpenAiClient} and not the high-level {@code ChatModel}/{@code StreamingChatModel}:
 * the gateway relays OpenAI requests and replies. The high-level models convert to and from langchain4j's own message and
 * tool abstractions: a client's JSON Schema for a tool would have to be rebuilt as {@code ToolSpecification}s,
 * {@code tool_choice} naming one function has no equivalent, parameters they do not model are dropped, and streamed tool
 * calls are only handed over whole. The lower-level client speaks the wire format itself (tool parameters as plain maps,
 * {@code tool_choice} as given, any other parameter through {@code customParameters}, every streamed chunk with its tool
 * call deltas), and under Quarkus {@code OpenAiClient.builder()} yields the extension's non-blocking REST client. The price:
 * the package is marked internal by langchain4j, so an upgrade may need small changes here and in {@link LlmRequests}.</p>
 */
@ApplicationScoped
public class LlmClientProducer {

    @Produces
    @Singleton
    OpenAiClient openAiClient(LangChain4jOpenAiConfig config) {
        LangChain4jOpenAiConfig.OpenAiConfig openAi = config.defaultConfig();
        Duration timeout = openAi.timeout().orElse(Duration.ofSeconds(60));
        return OpenAiClient.builder()
                .baseUrl(checkedBaseUrl(openAi.baseUrl()))
                .apiKey(openAi.apiKey())
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .logRequests(openAi.logRequests().orElse(false))
                .logResponses(openAi.logResponses().orElse(false))
                .build();
    }

    /** Paths are resolved against the base URL: without the trailing /v1/ every call would miss. */
    static String checkedBaseUrl(String baseUrl) {
        String url = baseUrl.endsWith("/v1") ? baseUrl + "/" : baseUrl;
        if (!url.endsWith("/v1/")) {
            throw new IllegalStateException("quarkus.langchain4j.openai.base-url must end with /v1/ "
                    + "(e.g. http://localhost:11434/v1/), got " + baseUrl);
        }
        return url;
    }
}
