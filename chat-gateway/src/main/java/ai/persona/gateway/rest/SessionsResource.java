package ai.persona.gateway.rest;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestMulti;

import ai.persona.gateway.auth.CurrentUser;
import ai.persona.gateway.client.Page;
import ai.persona.gateway.client.SessionView;
import ai.persona.gateway.client.SessionServiceClient;
import ai.persona.gateway.messaging.SessionRecorder;
import ai.persona.gateway.service.ActiveSessions;
import ai.persona.gateway.service.ConversationTracker;
import ai.persona.gateway.service.IdempotentTurns;
import ai.persona.gateway.service.SessionIds;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** The native chat API: the token's user's sessions only (another user's session id answers 404). */
@Path("/api/sessions")
@Authenticated
public class SessionsResource {

    private final CurrentUser user;
    private final SessionServiceClient sessions;
    private final ActiveSessions active;
    private final IdempotentTurns turns;
    private final SessionRecorder recorder;
    private final ConversationTracker conversations;

    public SessionsResource(CurrentUser user, @RestClient SessionServiceClient sessions, ActiveSessions active,
            IdempotentTurns turns, SessionRecorder recorder, ConversationTracker conversations) {
        this.user = user;
        this.sessions = sessions;
        this.active = active;
        this.turns = turns;
        this.recorder = recorder;
        this.conversations = conversations;
    }

    private static final String EXPLICIT = "explicit";
    /** Marks an answer that repeats the first request's reply for its Idempotency-Key (as Stripe marks them). */
    static final String REPLAYED = "Idempotent-Replayed";

    public record NewMessage(String content) {
    }

    /**
     * @param published the end is recorded durably (the broker acknowledged it); session-service publishes the
     *        session's ConversationCompleted from it
     */
    public record Ended(SessionView session, boolean published) {
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a session; 201 with its id. With an Idempotency-Key header, the same key from the same "
            + "user answers the same session (201 again, as the first answer), so a retried create makes no second one")
    public Uni<Response> create(@Context UriInfo uri, @HeaderParam(InputIds.IDEMPOTENCY_KEY) String idempotencyKey) {
        String userId = user.id();
        // derived from user and key: another user's key, however alike, names another session
        String sessionId = idempotencyKey == null ? null : SessionIds.idempotent(userId, idempotencyKey);
        return sessions.create(userId, new SessionServiceClient.CreateSession(sessionId, null))
                // a repeated key's session may hold turns (in memory here, or still on their way to session-service):
                // its first turn reads it rather than this answer, which has no messages
                .invoke(session -> {
                    if (sessionId == null) {
                        active.remember(session);
                    }
                })
                .map(session -> Response.created(location(uri, session.id())).entity(session).build());
    }

    /**
     * The session's URI with its id encoded as a path segment. Absolute, because a relative one is made absolute from
     * its decoded path, which would put raw characters back into the header.
     */
    private static URI location(UriInfo uri, String sessionId) {
        return uri.getBaseUriBuilder().path(SessionsResource.class).path("{id}").build(sessionId);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "My sessions, newest first")
    public Uni<Page<SessionView>> list(@QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size) {
        return sessions.list(user.id(), page, size);
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One of my sessions with its messages, as recorded so far")
    public Uni<SessionView> get(@PathParam("id") String sessionId) {
        // from memory while the session is active here: a turn's messages show at once, before session-service has
        // materialized them
        return active.get(user.id(), sessionId);
    }

    @POST
    @Path("/{id}/messages")
    // no @Produces: the reply is JSON or server-sent events by the Accept header, written by HttpReply
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Say something; the assistant's reply as JSON, or as server-sent events with "
            + "Accept: text/event-stream (delta events, then done with the stored message). With an Idempotency-Key "
            + "header the turn is recorded once: a repeat of the key (in this session, by this user) answers the "
            + "first request's reply with Idempotent-Replayed: true, after waiting for it while it is in flight, "
            + "without asking the model again; the key with another message is a 422 naming Idempotency-Key")
    public RestMulti<byte[]> say(@PathParam("id") String sessionId, @HeaderParam(HttpHeaders.ACCEPT) String accept,
            @HeaderParam(InputIds.IDEMPOTENCY_KEY) String idempotencyKey, NewMessage message) {
        String content = message == null ? null : message.content();
        String userId = user.id();
        if (accept != null && accept.contains(HttpReply.EVENT_STREAM)) {
            return HttpReply.respond(turns.replyStream(userId, sessionId, idempotencyKey, content)
                    .map(answer -> HttpReply.events(answer.reply(), null, replayed(answer))));
        }
        return HttpReply.respond(turns.reply(userId, sessionId, idempotencyKey, content)
                .map(answer -> HttpReply.json(Map.of("sessionId", sessionId, "message", answer.reply()),
                        replayed(answer))));
    }

    private static Map<String, String> replayed(IdempotentTurns.Answer<?> answer) {
        return answer.replayed() ? Map.of(REPLAYED, "true") : Map.of();
    }

    @POST
    @Path("/{id}/end")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "End the session (idempotent); its completion is published once")
    public Uni<Ended> end(@PathParam("id") String sessionId) {
        String userId = user.id();
        return active.get(userId, sessionId)
                .chain(session -> session.ended()
                        ? Uni.createFrom().item(session)
                        : recorder.ended(userId, sessionId, EXPLICIT)
                                .invoke(() -> conversations.ended(userId, sessionId))
                                .map(ignored -> active.ended(session, Instant.now(), EXPLICIT)))
                .map(session -> new Ended(withoutMessages(session), true));
    }

    private static SessionView withoutMessages(SessionView s) {
        return new SessionView(s.id(), s.userId(), s.startedAt(), s.lastActivityAt(), s.endedAt(), s.endReason(),
                s.publishedAt(), s.messageCount(), null);
    }
}
