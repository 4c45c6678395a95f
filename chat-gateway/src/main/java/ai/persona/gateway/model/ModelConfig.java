package ai.persona.gateway.model;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The chat model endpoint: any OpenAI-compatible API (OpenAI, Ollama, vLLM, llama.cpp's server, ...). The four keys a
 * deployment sets have their one default in application.properties, beside the environment variable that sets them
 * ({@code LLM_BASE_URL}, {@code LLM_API_KEY}, {@code LLM_MODEL}, {@code LLM_TIMEOUT}): deploy-check reads the
 * variables a service needs from there.
 */
@ConfigMapping(prefix = "gateway.llm")
public interface ModelConfig {

    /** Ends in /v1/ (e.g. http://localhost:11434/v1/): the API's paths are resolved against it. */
    String baseUrl();

    /** Sent as bearer token; local servers take any. */
    String apiKey();

    /** The chat model: the native API's, and the one offered on /v1/models, unless {@link #models()} lists others. */
    String modelName();

    /** The models clients may ask for on the OpenAI-compatible API; the first is the native API's. */
    Optional<List<String>> models();

    /** The connect and read timeout of each call to the model. */
    Duration timeout();

    @WithDefault("false")
    boolean logRequests();

    @WithDefault("false")
    boolean logResponses();
}
