package ai.persona.gateway.client;

import jakarta.ws.rs.core.Response;

import ai.persona.gateway.service.Unavailable;
import ai.persona.input.LogText;
import ai.persona.runtime.problem.ProblemException;
import io.quarkus.logging.Log;

/**
 * Turns persona-updater's problems into {@link ProblemException}s. Its only client error the gateway can cause is a k
 * out of the updater's range (the gateway checks the rest first), so a 400 names the gateway's field for k; anything
 * else means learning settings are unavailable for now.
 */
final class UpdaterErrors {

    private UpdaterErrors() {
    }

    static RuntimeException toException(Response response) {
        int status = response.getStatus();
        if (status < 400) {
            return null;
        }
        String body = response.hasEntity() ? response.readEntity(String.class) : "";
        // a 5xx, or a refused credential (401/403: this gateway's service key is not the one the updater knows), is the
        // updater being unavailable to the user, not the user's mistake
        if (status != 400) {
            Log.warnf("persona-updater answered %d: %s", status, LogText.escape(body));
            return Unavailable.learning("the learning settings cannot be reached; try again");
        }
        String detail = SessionServiceErrors.parse(body).path("detail").asText("refused by the updater");
        return ProblemException.badField("sessionsPerUpdate", detail.replace("batchSize", "sessionsPerUpdate"));
    }
}
