package ai.persona.gateway.client;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import ai.persona.gateway.service.Unavailable;
import ai.persona.input.LogText;
import ai.persona.model.PersonaJson;
import ai.persona.runtime.problem.ProblemException;
import io.quarkus.logging.Log;

/**
 * Turns session-service's RFC 9457 problems into {@link ProblemException}s. A client error keeps its status, kind and
 * details (the caller's own mistake: unknown session, stale version, invalid patch); a server error becomes 503, since
 * to the gateway's caller it means the store is unavailable, not that the gateway failed.
 */
final class SessionServiceErrors {

    private static final Set<String> STANDARD_MEMBERS = Set.of("type", "title", "status", "detail", "instance");

    private SessionServiceErrors() {
    }

    static RuntimeException toException(Response response) {
        int status = response.getStatus();
        if (status < 400) {
            return null;
        }
        String body = response.hasEntity() ? response.readEntity(String.class) : "";
        if (status >= 500) {
            Log.warnf("session-service answered %d: %s", status, LogText.escape(body));
            return Unavailable.sessionStore("the session store failed; try again");
        }
        JsonNode problem = parse(body);
        String type = problem.path("type").asText("");
        String code = type.isEmpty() ? "http-" + status : type.substring(type.lastIndexOf('/') + 1);
        Map<String, Object> extensions = new LinkedHashMap<>();
        problem.properties().forEach(member -> {
            if (!STANDARD_MEMBERS.contains(member.getKey())) {
                extensions.put(member.getKey(), member.getValue());
            }
        });
        return new ProblemException(status, code, problem.path("title").asText("Error"),
                problem.path("detail").asText(body), extensions);
    }

    /** A problem body as a JSON object; an empty one when the body is missing or not a JSON object. */
    static JsonNode parse(String body) {
        try {
            JsonNode tree = PersonaJson.mapper().readTree(body.isEmpty() ? "{}" : body);
            return tree == null || !tree.isObject() ? PersonaJson.mapper().createObjectNode() : tree;
        } catch (JsonProcessingException notJson) {
            return PersonaJson.mapper().createObjectNode();
        }
    }
}
