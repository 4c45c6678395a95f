package ai.persona.gateway.service;

import java.util.Map;

/**
 * A request the gateway cannot serve, with the HTTP status it deserves. The REST layer renders it as problem+json on
 * /api and as an OpenAI error body on /v1; {@code code} is a stable machine-readable name for the kind of problem.
 */
public class GatewayException extends RuntimeException {

    private final int status;
    private final String code;
    private final String title;
    private final Map<String, Object> extensions;

    public GatewayException(int status, String code, String title, String detail, Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
        this.extensions = Map.copyOf(extensions);
    }

    public static GatewayException badRequest(String detail) {
        return new GatewayException(400, "bad-request", "Bad request", detail, Map.of());
    }

    /** A bad value of one field of the request: {@code field} names it, for clients that point at the input. */
    public static GatewayException badField(String field, String detail) {
        return new GatewayException(400, "bad-request", "Bad request", detail, Map.of("field", field));
    }

    public static GatewayException notFound(String code, String detail) {
        return new GatewayException(404, code, "Not found", detail, Map.of());
    }

    public static GatewayException conflict(String code, String detail) {
        return new GatewayException(409, code, "Conflict", detail, Map.of());
    }

    public static GatewayException tooLarge(String detail) {
        return new GatewayException(413, "too-large", "Content too large", detail, Map.of());
    }

    public static GatewayException llmUnavailable(String detail) {
        return new GatewayException(503, "llm-unavailable", "Service unavailable", detail, Map.of());
    }

    public static GatewayException storeUnavailable(String detail) {
        return new GatewayException(503, "session-store-unavailable", "Service unavailable", detail, Map.of());
    }

    public static GatewayException learningUnavailable(String detail) {
        return new GatewayException(503, "learning-unavailable", "Service unavailable", detail, Map.of());
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
