package ai.persona.gateway.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import com.fasterxml.jackson.databind.JsonNode;

import ai.persona.gateway.auth.CurrentUser;
import ai.persona.gateway.service.Retrieval;
import ai.persona.gateway.service.UserData;
import ai.persona.gateway.service.UserSettings;
import ai.persona.runtime.problem.ProblemException;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/**
 * Everything about me: my data as one document, my settings, and deleting all of it. An app key may export and delete
 * one of its users (named in the user header, as on the memory API): an app that is its users' memory layer must be
 * able to answer their requests for their data and for erasure. Settings stay the user's own.
 */
@Path("/api")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    private final CurrentUser user;
    private final UserData data;

    public MeResource(CurrentUser user, UserData data) {
        this.user = user;
        this.data = data;
    }

    /** A change of settings: a field left out keeps its value. */
    public record SettingsBody(Boolean personalization, String retrieval) {
    }

    @GET
    @Path("/me/export")
    @Operation(summary = "All my data: sessions, persona and its history (session-service), and my gateway settings; "
            + "with an app key, those of the app's user the X-User-Id header names")
    public Uni<JsonNode> export() {
        return data.export(user.actingFor());
    }

    @DELETE
    @Path("/me")
    @Operation(summary = "Delete me and all my data, everywhere; with an app key, the app's user the X-User-Id header "
            + "names")
    public Uni<Response> delete() {
        return data.delete(user.actingFor()).replaceWith(Response.noContent().build());
    }

    @GET
    @Path("/settings")
    public Uni<UserSettings> settings() {
        return data.settings(user.id());
    }

    @PUT
    @Path("/settings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change my settings: {\"personalization\": false} is the \"No Persona\" mode; "
            + "{\"retrieval\": \"similar-session\"} adds my most similar past session to the prompt. A field left out "
            + "keeps its value")
    public Uni<UserSettings> changeSettings(SettingsBody body) {
        if (body == null || body.personalization() == null && body.retrieval() == null) {
            throw ProblemException.badRequest("give {\"personalization\": true|false} and/or "
                    + "{\"retrieval\": \"none\"|\"similar-session\"}");
        }
        Retrieval retrieval = body.retrieval() == null ? null : Retrieval.of(body.retrieval())
                .orElseThrow(() -> ProblemException.badRequest("retrieval is \"none\" or \"similar-session\", not \""
                        + body.retrieval() + "\""));
        return data.settings(user.id())
                .chain(current -> data.changeSettings(user.id(), new UserSettings(
                        body.personalization() == null ? current.personalization() : body.personalization(),
                        retrieval == null ? current.retrieval() : retrieval)));
    }
}
