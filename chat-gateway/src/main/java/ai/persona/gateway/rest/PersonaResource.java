package ai.persona.gateway.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import com.fasterxml.jackson.databind.JsonNode;

import ai.persona.gateway.auth.CurrentUser;
import ai.persona.gateway.client.PersonaView;
import ai.persona.gateway.client.SessionServiceClient;
import ai.persona.gateway.service.PersonaEdits;
import ai.persona.gateway.service.PersonaPins;
import ai.persona.runtime.problem.ProblemException;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/**
 * My persona: read it with its version (ETag), see its history, edit it, roll it back, pin fields against the optimizer.
 * Always the token's user.
 */
@Path("/api/persona")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class PersonaResource {

    private final CurrentUser user;
    private final PersonaEdits personas;
    private final PersonaPins pins;

    public PersonaResource(CurrentUser user, PersonaEdits personas, PersonaPins pins) {
        this.user = user;
        this.personas = personas;
        this.pins = pins;
    }

    @GET
    @Operation(summary = "My persona and its version (also the ETag; version 0 is the empty persona)")
    public Uni<Response> current() {
        return personas.current(user.id()).map(PersonaResource::withETag);
    }

    @GET
    @Path("/history")
    public Uni<JsonNode> history(@QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size) {
        return personas.history(user.id(), page, size);
    }

    @GET
    @Path("/versions/{version}")
    public Uni<JsonNode> version(@PathParam("version") long version) {
        return personas.version(user.id(), version);
    }

    @GET
    @Path("/diff")
    @Operation(summary = "The JSON Patch from one version to another (0 is the empty persona)")
    public Uni<JsonNode> diff(@QueryParam("from") Long from, @QueryParam("to") Long to) {
        if (from == null || to == null) {
            throw ProblemException.badRequest("give both versions: ?from=..&to=..");
        }
        return personas.diff(user.id(), from, to);
    }

    @PATCH
    @Consumes(SessionServiceClient.JSON_PATCH)
    @Operation(summary = "Edit with an RFC 6902 JSON Patch; If-Match must carry the version edited (412 when stale)")
    public Uni<Response> edit(@HeaderParam("If-Match") String ifMatch, JsonNode patch) {
        return personas.edit(user.id(), ifMatch, patch).map(PersonaResource::withETag);
    }

    @POST
    @Path("/rollback")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Make an earlier version current again, as a new version: {\"toVersion\": n}")
    public Uni<Response> rollback(@HeaderParam("If-Match") String ifMatch, JsonNode request) {
        return personas.rollback(user.id(), ifMatch, request).map(PersonaResource::withETag);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace my whole persona (import); If-Match optional")
    public Uni<Response> replace(@HeaderParam("If-Match") String ifMatch, JsonNode persona) {
        return personas.replace(user.id(), ifMatch, persona).map(PersonaResource::withETag);
    }

    @GET
    @Path("/pins")
    @Operation(summary = "The fields and sections I pinned: the optimizer may not change them, my own edits may")
    public Uni<JsonNode> pins() {
        return pins.pins(user.id());
    }

    @PUT
    @Path("/pins")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace my pins: {\"pins\": [\"/Section\", \"/Section/Field\"]} (JSON Pointers)")
    public Uni<JsonNode> replacePins(JsonNode request) {
        return pins.replace(user.id(), request);
    }

    private static Response withETag(PersonaView persona) {
        return Response.ok(persona).tag(new EntityTag(Long.toString(persona.version()))).build();
    }
}
