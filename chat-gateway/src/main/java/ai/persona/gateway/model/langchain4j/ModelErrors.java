package ai.persona.gateway.model.langchain4j;

import java.net.ConnectException;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import dev.langchain4j.exception.HttpException;
import ai.persona.gateway.service.GatewayException;
import io.quarkus.logging.Log;

/**
 * The client's failures as the gateway's errors: the model being down, slow or refusing our key is a 503 for the user;
 * rate limited a 429; a request the model rejects as malformed is the client's 400.
 */
final class ModelErrors {

    private ModelErrors() {
    }

    static Throwable toGatewayError(Throwable failure) {
        if (failure instanceof GatewayException) {
            return failure;
        }
        HttpException http = find(failure, HttpException.class);
        if (http != null && (http.statusCode() == 400 || http.statusCode() == 404 || http.statusCode() == 422)) {
            return GatewayException.badRequest("the model rejected the request: " + http.getMessage());
        }
        if (http != null && http.statusCode() == 429) {
            return new GatewayException(429, "llm-rate-limited", "Too many requests",
                    "the model is rate limited; try again shortly", Map.of());
        }
        String why = http != null ? "status " + http.statusCode()
                : find(failure, ConnectException.class) != null ? "unreachable"
                : find(failure, TimeoutException.class) != null ? "timed out"
                : failure.toString();
        Log.warnf("the model failed (%s)", why);
        return GatewayException.llmUnavailable("the model is unavailable (" + why + "); your message was kept");
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
