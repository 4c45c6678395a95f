package ai.persona.session.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
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
import com.fasterxml.jackson.databind.node.ArrayNode;

import ai.persona.identity.ServiceIdentity;
import ai.persona.model.PatchOperation;
import ai.persona.runtime.problem.ProblemException;
import ai.persona.session.service.PageView;
import ai.persona.session.service.PersonaService;
import ai.persona.session.service.PersonaVersionView;
import ai.persona.session.service.PersonaView;
import io.smallrye.mutiny.Uni;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A user's persona: current version (ETag), history, diffs, and the changes a person makes. */
@Path("/users/{userId}/persona")
@RolesAllowed({ ServiceIdentity.GATEWAY, ServiceIdentity.ADMIN })
@Produces(MediaType.APPLICATION_JSON)
public class PersonaResource {

    public static final String JSON_PATCH = "application/json-patch+json";

    private final PersonaService personas;

    public PersonaResource(PersonaService personas) {
        this.personas = personas;
    }

    @RegisterForReflection
    public record Rollback(Long toVersion) {
    }

    @GET
    @RolesAllowed({ ServiceIdentity.GATEWAY, ServiceIdentity.UPDATER, ServiceIdentity.ADMIN })
    public Uni<Response> current(@PathParam("userId") String userId) {
        return personas.current(userId).map(PersonaResource::withETag);
    }

    @GET
    @Path("/history")
    public Uni<PageView<PersonaVersionView>> history(@PathParam("userId") String userId,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("20") int size) {
        return personas.history(userId, page, size);
    }

    @GET
    @Path("/versions/{version}")
    public Uni<PersonaVersionView> version(@PathParam("userId") String userId, @PathParam("version") long version) {
        return personas.version(userId, version);
    }

    @GET
    @Path("/diff")
    @Operation(summary = "The JSON Patch from one version to another (0 is the empty persona)")
    public Uni<ArrayNode> diff(@PathParam("userId") String userId, @QueryParam("from") Long from,
            @QueryParam("to") Long to) {
        if (from == null || to == null) {
            throw ProblemException.badRequest("give both versions: ?from=..&to=..");
        }
        return personas.diff(userId, from, to);
    }

    @PATCH
    @Consumes(JSON_PATCH)
    @Operation(summary = "Edit the persona with an RFC 6902 JSON Patch; If-Match must carry the version edited")
    public Uni<Response> edit(@PathParam("userId") String userId, @HeaderParam("If-Match") String ifMatch,
            JsonNode patch) {
        Long version = ETags.parse(ifMatch);
        if (version == null) {
            throw ProblemException.versionRequired();
        }
        return personas.edit(userId, version, operations(patch)).map(PersonaResource::withETag);
    }

    @POST
    @Path("/rollback")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> rollback(@PathParam("userId") String userId, @HeaderParam("If-Match") String ifMatch,
            Rollback request) {
        if (request == null || request.toVersion() == null) {
            throw ProblemException.badRequest("give the version to return to: {\"toVersion\": n}");
        }
        return personas.rollback(userId, request.toVersion(), ETags.parse(ifMatch)).map(PersonaResource::withETag);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the whole persona (import); creates the user when new")
    public Uni<Response> replace(@PathParam("userId") String userId, @HeaderParam("If-Match") String ifMatch,
            JsonNode persona) {
        return personas.replace(userId, persona, ETags.parse(ifMatch)).map(PersonaResource::withETag);
    }

    private static List<PatchOperation> operations(JsonNode patch) {
        if (patch == null || !patch.isArray() || patch.isEmpty()) {
            throw ProblemException.badRequest("a JSON Patch is a non-empty array of operations");
        }
        List<PatchOperation> operations = new ArrayList<>();
        for (JsonNode op : patch) {
            if (!op.path("op").isTextual() || !op.path("path").isTextual()) {
                throw ProblemException.badRequest("every operation needs \"op\" and \"path\"");
            }
            operations.add(new PatchOperation(op.get("op").asText(), op.get("path").asText(), op.get("value"),
                    op.path("reason").isTextual() ? op.get("reason").asText() : null, until(op)));
        }
        return operations;
    }

    /** A temporary value's validity: an RFC 3339 time such as 2027-01-31T00:00:00Z (docs/persona-over-time.md). */
    private static Instant until(JsonNode op) {
        JsonNode until = op.get("until");
        if (until == null || until.isNull()) {
            return null;
        }
        try {
            return Instant.parse(until.asText());
        } catch (DateTimeParseException e) {
            throw ProblemException.badField("until", "\"until\" of " + op.get("path").asText()
                    + " is not a time such as 2027-01-31T00:00:00Z");
        }
    }

    private static Response withETag(PersonaView view) {
        return Response.ok(view).tag(new EntityTag(Long.toString(view.version()))).build();
    }
}
