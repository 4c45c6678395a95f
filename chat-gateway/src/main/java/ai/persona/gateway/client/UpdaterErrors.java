package ai.persona.gateway.client;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import ai.persona.gateway.service.GatewayException;
import ai.persona.input.LogText;
import ai.persona.model.PersonaJson;
import io.quarkus.logging.Log;

/**
 * Turns persona-updater's problems into {@link GatewayException}s. Its only client error the gateway can cause is a k
 * out of the updater's range (the gateway checks the rest first), so a 4xx names the gateway's field for k; a 5xx
 * means learning settings are unavailable for now.
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
        if (status >= 500) {
            Log.warnf("persona-updater answered %d: %s", status, LogText.escape(body));
            return GatewayException.learningUnavailable("the learning settings cannot be reached; try again");
        }
        String detail = detail(body);
        return GatewayException.badField("sessionsPerUpdate", detail.replace("batchSize", "sessionsPerUpdate"));
    }

    private static String detail(String body) {
        try {
            JsonNode problem = body.isEmpty() ? null : PersonaJson.mapper().readTree(body);
            return problem == null ? "refused by the updater" : problem.path("detail").asText("refused by the updater");
        } catch (JsonProcessingException notJson) {
            return "refused by the updater";
        }
    }
}
