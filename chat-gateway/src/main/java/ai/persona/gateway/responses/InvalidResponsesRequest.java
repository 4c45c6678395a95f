package ai.persona.gateway.responses;

/**
 * A Responses API request the gateway refuses, naming the request field at fault ({@code param}), as OpenAI's own API
 * does; OpenAI clients show the field next to the message.
 */
public class InvalidResponsesRequest extends RuntimeException {

    private final int status;
    private final String code;
    private final String param;

    public InvalidResponsesRequest(int status, String code, String param, String message) {
        super(message);
        this.status = status;
        this.code = code;
        this.param = param;
    }

    public static InvalidResponsesRequest invalid(String param, String message) {
        return new InvalidResponsesRequest(400, "invalid_value", param, message);
    }

    public static InvalidResponsesRequest unsupported(String param, String message) {
        return new InvalidResponsesRequest(400, "unsupported_parameter", param, message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String param() {
        return param;
    }
}
