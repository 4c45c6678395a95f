package ai.persona.gateway.model.langchain4j;

import dev.langchain4j.model.openai.internal.OpenAiClient;
import ai.persona.gateway.model.ModelConfig;

/**
 * The OpenAI-compatible endpoint's client, configured from the gateway's own {@link ModelConfig}
 * ({@code gateway.llm.*}).
 *
 * <p>Why langchain4j's lower-level {@link OpenAiClient} and not the high-level {@code ChatModel}/{@code StreamingChatModel}:
 * the gateway relays OpenAI requests and replies. The high-level models convert to and from langchain4j's own message and
 * tool abstractions: a client's JSON Schema for a tool would have to be rebuilt as {@code ToolSpecification}s,
 * {@code tool_choice} naming one function has no equivalent, parameters they do not model are dropped, and streamed tool
 * calls are only handed over whole. The lower-level client speaks the wire format itself (tool parameters as plain maps,
 * {@code tool_choice} as given, any other parameter through {@code customParameters}, every streamed chunk with its tool
 * call deltas), and under Quarkus {@code OpenAiClient.builder()} yields quarkus-langchain4j's non-blocking REST client.
 * The price: the package is marked internal by langchain4j, so an upgrade may need changes in this package, and only
 * here.</p>
 */
final class OpenAiClients {

    private OpenAiClients() {
    }

    static OpenAiClient create(ModelConfig config) {
        return OpenAiClient.builder()
                .baseUrl(checkedBaseUrl(config.baseUrl()))
                .apiKey(config.apiKey())
                .connectTimeout(config.timeout())
                .readTimeout(config.timeout())
                .logRequests(config.logRequests())
                .logResponses(config.logResponses())
                .build();
    }

    /** Paths are resolved against the base URL: without the trailing /v1/ every call would miss. */
    static String checkedBaseUrl(String baseUrl) {
        String url = baseUrl.endsWith("/v1") ? baseUrl + "/" : baseUrl;
        if (!url.endsWith("/v1/")) {
            throw new IllegalStateException("gateway.llm.base-url (LLM_BASE_URL) must end with /v1/ "
                    + "(e.g. http://localhost:11434/v1/), got " + baseUrl);
        }
        return url;
    }
}
