package ai.persona.gateway.client;

import java.time.Instant;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.JsonNode;

import ai.persona.model.PersonaModelFingerprint;
import ai.persona.runtime.identity.SessionServiceTokenFilter;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;

/**
 * session-service's internal API, the system of record for sessions, messages and personas. Every call is non-blocking;
 * its problem responses become {@link ai.persona.runtime.problem.ProblemException}s (see {@link SessionServiceErrors}).
 * Bodies the gateway only relays (history, export, diff) stay JSON trees, so nothing is lost or re-modelled in between.
 */
@RegisterRestClient(configKey = "session-service")
@RegisterProvider(SessionServiceTokenFilter.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface SessionServiceClient {

    String JSON_PATCH = "application/json-patch+json";

    record CreateSession(String sessionId, Instant startedAt) {
    }

    @POST
    @Path("/users/{userId}/sessions")
    Uni<SessionView> create(@PathParam("userId") String userId, CreateSession request);

    @GET
    @Path("/users/{userId}/sessions")
    Uni<Page<SessionView>> list(@PathParam("userId") String userId, @QueryParam("page") int page,
            @QueryParam("size") int size);

    @GET
    @Path("/users/{userId}/sessions/{sessionId}")
    Uni<SessionView> get(@PathParam("userId") String userId, @PathParam("sessionId") String sessionId);

    @GET
    @Path("/users/{userId}/persona")
    Uni<PersonaView> persona(@PathParam("userId") String userId);

    @GET
    @Path("/users/{userId}/persona/history")
    Uni<JsonNode> personaHistory(@PathParam("userId") String userId, @QueryParam("page") int page,
            @QueryParam("size") int size);

    @GET
    @Path("/users/{userId}/persona/versions/{version}")
    Uni<JsonNode> personaVersion(@PathParam("userId") String userId, @PathParam("version") long version);

    @GET
    @Path("/users/{userId}/persona/diff")
    Uni<JsonNode> personaDiff(@PathParam("userId") String userId, @QueryParam("from") long from,
            @QueryParam("to") long to);

    @PATCH
    @Path("/users/{userId}/persona")
    @Consumes(JSON_PATCH)
    Uni<PersonaView> editPersona(@PathParam("userId") String userId, @HeaderParam("If-Match") String ifMatch,
            JsonNode patch);

    @POST
    @Path("/users/{userId}/persona/rollback")
    Uni<PersonaView> rollbackPersona(@PathParam("userId") String userId, @HeaderParam("If-Match") String ifMatch,
            JsonNode request);

    @PUT
    @Path("/users/{userId}/persona")
    Uni<PersonaView> replacePersona(@PathParam("userId") String userId, @HeaderParam("If-Match") String ifMatch,
            JsonNode persona);

    @GET
    @Path("/users/{userId}/persona/pins")
    Uni<JsonNode> pins(@PathParam("userId") String userId);

    @PUT
    @Path("/users/{userId}/persona/pins")
    Uni<JsonNode> replacePins(@PathParam("userId") String userId, JsonNode pins);

    @GET
    @Path("/users/{userId}/persona/provenance")
    Uni<JsonNode> provenance(@PathParam("userId") String userId);

    @GET
    @Path("/users/{userId}/export")
    Uni<JsonNode> export(@PathParam("userId") String userId);

    @DELETE
    @Path("/users/{userId}")
    Uni<Void> deleteUser(@PathParam("userId") String userId);

    /** The persona model session-service enforces, read once at start-up (SessionServicePersonaModel). */
    @GET
    @Path("/persona-model")
    Uni<PersonaModelFingerprint> personaModel();

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return SessionServiceErrors.toException(response);
    }
}
