package ai.persona.updater.llm;

/** The endpoint refused the request itself (bad key, unknown model, invalid request): retrying cannot help. */
public class LlmRejectedException extends RuntimeException {

    public LlmRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
