package ai.persona.gateway.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

import ai.persona.gateway.client.PersonaView;
import ai.persona.gateway.client.SessionServiceClient;
import ai.persona.model.PersonaJson;
import ai.persona.runtime.problem.ProblemException;
import io.smallrye.mutiny.Uni;

/**
 * A user's own view of and changes to their persona, passed on to session-service (which validates, versions and
 * publishes them). Each new version also goes straight into this instance's cache, so the user's next turn uses it
 * without waiting for the PersonaChanged event.
 */
@ApplicationScoped
public class PersonaEdits {

    private final SessionServiceClient sessions;
    private final PersonaCache cache;

    public PersonaEdits(@RestClient SessionServiceClient sessions, PersonaCache cache) {
        this.sessions = sessions;
        this.cache = cache;
    }

    /** Version 0, the empty persona, for a user session-service does not know yet. */
    public Uni<PersonaView> current(String userId) {
        return sessions.persona(userId)
                .onFailure(PersonaEdits::unknownUser).recoverWithItem(new PersonaView(0, PersonaJson.emptyPersona()))
                .invoke(persona -> cache.offer(userId, persona.version(), persona.persona()));
    }

    public Uni<JsonNode> history(String userId, int page, int size) {
        return sessions.personaHistory(userId, page, size);
    }

    public Uni<JsonNode> version(String userId, long version) {
        return sessions.personaVersion(userId, version);
    }

    public Uni<JsonNode> diff(String userId, long from, long to) {
        return sessions.personaDiff(userId, from, to);
    }

    /**
     * A user may edit the empty persona they were shown (version 0) before session-service knows them: it then learns
     * of them through an import of that same empty persona (guarded by If-Match 0, so it changes nothing), and the edit
     * is applied once more.
     */
    public Uni<PersonaView> edit(String userId, String ifMatch, JsonNode patch) {
        return sessions.editPersona(userId, ifMatch, patch)
                .onFailure(PersonaEdits::unknownUser).recoverWithUni(() -> sessions
                        .replacePersona(userId, "\"0\"", PersonaJson.emptyPersona())
                        .chain(() -> sessions.editPersona(userId, ifMatch, patch)))
                .invoke(persona -> cache.offer(userId, persona.version(), persona.persona()));
    }

    public Uni<PersonaView> rollback(String userId, String ifMatch, JsonNode request) {
        return sessions.rollbackPersona(userId, ifMatch, request)
                .invoke(persona -> cache.offer(userId, persona.version(), persona.persona()));
    }

    public Uni<PersonaView> replace(String userId, String ifMatch, JsonNode persona) {
        return sessions.replacePersona(userId, ifMatch, persona)
                .invoke(saved -> cache.offer(userId, saved.version(), saved.persona()));
    }

    private static boolean unknownUser(Throwable failure) {
        return failure instanceof ProblemException e && e.status() == 404;
    }
}
