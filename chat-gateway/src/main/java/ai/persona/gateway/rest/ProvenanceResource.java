package ai.persona.gateway.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

import ai.persona.gateway.auth.CurrentUser;
import ai.persona.gateway.client.SessionServiceClient;
import ai.persona.model.PersonaJson;
import ai.persona.runtime.problem.ProblemException;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** Where each field of my persona came from, as session-service computes it from the history. Always the token's user. */
@Path("/api/persona/provenance")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ProvenanceResource {

    private final CurrentUser user;
    private final SessionServiceClient sessions;

    public ProvenanceResource(CurrentUser user, @RestClient SessionServiceClient sessions) {
        this.user = user;
        this.sessions = sessions;
    }

    @GET
    @Operation(summary = "For each field of my persona: the version, patch and source (OPTIMIZER, USER_EDIT, ROLLBACK, "
            + "IMPORT, EXPIRY) that set it, its sessions, reason and, for a temporary value, when it expires")
    public Uni<JsonNode> provenance() {
        return sessions.provenance(user.id())
                .onFailure(ProvenanceResource::unknownUser).recoverWithItem(ProvenanceResource::nothingLearned);
    }

    /** A user session-service does not know yet has the empty persona, version 0, whose fields came from nowhere. */
    private static JsonNode nothingLearned() {
        return PersonaJson.mapper().createObjectNode().put("version", 0).set("fields",
                PersonaJson.mapper().createArrayNode());
    }

    private static boolean unknownUser(Throwable failure) {
        return failure instanceof ProblemException e && e.status() == 404;
    }
}
