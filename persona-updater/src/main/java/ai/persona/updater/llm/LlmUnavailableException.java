package ai.persona.updater.llm;

/** The endpoint timed out, was rate limited, failed with 5xx or could not be reached: worth trying again later. */
public class LlmUnavailableException extends RuntimeException {

    public LlmUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
