package ai.persona.gateway.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

import ai.persona.gateway.client.SessionServiceClient;
import ai.persona.model.PersonaJson;
import ai.persona.runtime.problem.ProblemException;
import io.smallrye.mutiny.Uni;

/**
 * The fields and sections a user pinned against the optimizer, kept and enforced by session-service. A user may pin
 * before anything was learned (a whole section they never want filled, say): session-service then learns of them the
 * way a first edit does, by an import of the empty persona guarded by If-Match 0.
 */
@ApplicationScoped
public class PersonaPins {

    private final SessionServiceClient sessions;

    public PersonaPins(@RestClient SessionServiceClient sessions) {
        this.sessions = sessions;
    }

    public Uni<JsonNode> pins(String userId) {
        return sessions.pins(userId)
                .onFailure(PersonaPins::unknownUser).recoverWithItem(PersonaPins::none);
    }

    public Uni<JsonNode> replace(String userId, JsonNode pins) {
        return sessions.replacePins(userId, pins)
                .onFailure(PersonaPins::unknownUser).recoverWithUni(() -> sessions
                        .replacePersona(userId, "\"0\"", PersonaJson.emptyPersona())
                        .chain(() -> sessions.replacePins(userId, pins)));
    }

    private static JsonNode none() {
        return PersonaJson.mapper().createObjectNode().set("pins", PersonaJson.mapper().createArrayNode());
    }

    private static boolean unknownUser(Throwable failure) {
        return failure instanceof ProblemException e && e.status() == 404;
    }
}
