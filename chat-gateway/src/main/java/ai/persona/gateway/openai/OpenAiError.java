package ai.persona.gateway.openai;

import com.fasterxml.jackson.annotation.JsonInclude;

/** OpenAI's error body: {"error": {"message", "type", "param", "code"}}; OpenAI clients read the message from it. */
public record OpenAiError(Body error) {

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Body(String message, String type, String param, String code) {
    }

    public static OpenAiError of(int status, String code, String message) {
        return of(status, code, message, null);
    }

    /** @param param the request field at fault, as OpenAI names it (e.g. {@code messages[0].content}), or null */
    public static OpenAiError of(int status, String code, String message, String param) {
        return new OpenAiError(new Body(message, type(status), param, code));
    }

    // the error types OpenAI's own API uses, by status
    private static String type(int status) {
        return switch (status) {
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 429 -> "rate_limit_error";
            default -> status >= 500 ? "server_error" : "invalid_request_error";
        };
    }
}
