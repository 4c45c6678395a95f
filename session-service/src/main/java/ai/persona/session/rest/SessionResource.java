package ai.persona.session.rest;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;

import ai.persona.events.ChatMessage;
import ai.persona.identity.ServiceIdentity;
import ai.persona.session.service.PageView;
import ai.persona.session.service.SessionService;
import ai.persona.session.service.SessionView;
import io.smallrye.mutiny.Uni;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Internal API of the chat-gateway: a user's sessions and their messages. */
@Path("/users/{userId}/sessions")
@RolesAllowed({ ServiceIdentity.GATEWAY, ServiceIdentity.ADMIN })
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SessionResource {

    private final SessionService sessions;

    public SessionResource(SessionService sessions) {
        this.sessions = sessions;
    }

    @RegisterForReflection
    public record CreateSession(String sessionId, Instant startedAt) {
    }

    @RegisterForReflection
    public record AppendMessages(List<ChatMessage> messages) {
    }

    @RegisterForReflection
    public record EndSession(String reason) {
    }

    @POST
    @Consumes({ MediaType.APPLICATION_JSON, MediaType.WILDCARD })
    @Operation(summary = "Create a session; with a sessionId the same user may retry (200 with the existing one)")
    public Uni<Response> create(@PathParam("userId") String userId, @Context UriInfo uri, CreateSession request) {
        CreateSession body = request == null ? new CreateSession(null, null) : request;
        return sessions.create(userId, body.sessionId(), body.startedAt())
                .map(result -> Response.status(result.created() ? Response.Status.CREATED : Response.Status.OK)
                        .location(location(uri, userId, result.session().id()))
                        .entity(result.session())
                        .build());
    }

    /**
     * The session's URI with both ids encoded as path segments: user ids are login providers' subjects such as
     * {@code auth0|5f7c8e} or {@code José-Müller}. Absolute, because a relative one is made absolute from its decoded
     * path, which would put the raw characters back.
     */
    private static URI location(UriInfo uri, String userId, String sessionId) {
        return uri.getBaseUriBuilder().path(SessionResource.class).path("{sessionId}").build(userId, sessionId);
    }

    @GET
    public Uni<PageView<SessionView>> list(@PathParam("userId") String userId,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("20") int size) {
        return sessions.list(userId, page, size);
    }

    @GET
    @Path("/{sessionId}")
    public Uni<SessionView> get(@PathParam("userId") String userId, @PathParam("sessionId") String sessionId) {
        return sessions.get(userId, sessionId);
    }

    @POST
    @Path("/{sessionId}/messages")
    @RolesAllowed(ServiceIdentity.ADMIN)
    @Operation(summary = "Append messages; with ?include=messages the answer carries the whole conversation")
    public Uni<SessionView> append(@PathParam("userId") String userId, @PathParam("sessionId") String sessionId,
            @QueryParam("include") String include, AppendMessages request) {
        return sessions.append(userId, sessionId, request == null ? null : request.messages(),
                "messages".equals(include));
    }

    @POST
    @Path("/{sessionId}/end")
    @RolesAllowed(ServiceIdentity.ADMIN)
    @Consumes({ MediaType.APPLICATION_JSON, MediaType.WILDCARD })
    @Operation(summary = "End the session (idempotent); returns it with its messages for publishing")
    public Uni<SessionView> end(@PathParam("userId") String userId, @PathParam("sessionId") String sessionId,
            EndSession request) {
        return sessions.end(userId, sessionId, request == null ? null : request.reason());
    }

    @POST
    @Path("/{sessionId}/published")
    @RolesAllowed(ServiceIdentity.ADMIN)
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Record that the session's ConversationCompleted event was acknowledged by the broker")
    public Uni<SessionView> published(@PathParam("userId") String userId, @PathParam("sessionId") String sessionId) {
        return sessions.markPublished(userId, sessionId);
    }
}
