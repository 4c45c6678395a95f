package ai.persona.gateway.memory;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import ai.persona.events.ChatMessage;
import ai.persona.gateway.auth.CurrentUser;
import ai.persona.gateway.client.SessionView;
import ai.persona.gateway.client.SessionServiceClient;
import ai.persona.gateway.rest.SessionsResource;
import ai.persona.runtime.problem.ProblemException;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/**
 * The memory API's write side: an app that talks to its own model hands over each finished conversation, and it is
 * recorded as an ended session of the token's user, learned from like any other.
 */
@Path("/api/conversations")
@Authenticated
public class ConversationsResource {

    /**
     * @param messageCount the messages posted
     */
    public record Recorded(String sessionId, String clientId, int messageCount) {
    }

    private final CurrentUser user;
    private final ConversationCheck check;
    private final ConversationPublisher publisher;
    private final SessionServiceClient sessions;

    public ConversationsResource(CurrentUser user, ConversationCheck check, ConversationPublisher publisher,
            @RestClient SessionServiceClient sessions) {
        this.user = user;
        this.check = check;
        this.publisher = publisher;
        this.sessions = sessions;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a finished conversation my app had with its own model; it counts toward my next "
            + "persona update. 201 with the session id; 200 when the same clientId was recorded already (once only)")
    @APIResponse(responseCode = "201", description = "recorded as a new ended session (Location: the session)")
    @APIResponse(responseCode = "200", description = "this clientId was recorded before; nothing new is recorded")
    @APIResponse(responseCode = "400", description = "an invalid conversation; the problem's field names what is wrong")
    public Uni<Response> record(NewConversation conversation, @Context UriInfo uri) {
        String userId = user.actingFor();
        List<ChatMessage> messages = check.messages(conversation);
        String clientId = conversation.clientId();
        String sessionId = ConversationIds.sessionId(userId, clientId);
        Recorded recorded = new Recorded(sessionId, clientId, messages.size());
        URI location = uri.getBaseUriBuilder().path(SessionsResource.class).path("{id}").build(sessionId);
        return recordedBefore(userId, sessionId, clientId)
                .chain(before -> before != null && before.ended()
                        ? Uni.createFrom().item(Response.ok(recorded))
                        // a repeat whose first post did not get as far as its end is published again: the session
                        // keeps only the messages it lacks, then ends
                        : publisher.publish(userId, sessionId, messages)
                                .map(ignored -> before != null ? Response.ok(recorded)
                                        : Response.created(location).entity(recorded)))
                .map(response -> response.location(location).build());
    }

    /**
     * The session an earlier post of this client id made, as session-service has it; null when there is none (or not
     * yet: a repeat that arrives before the first post is materialized is answered 201 again, and still recorded once).
     */
    private Uni<SessionView> recordedBefore(String userId, String sessionId, String clientId) {
        if (clientId == null) {
            return Uni.createFrom().nullItem();
        }
        return sessions.get(userId, sessionId)
                .onFailure(e -> e instanceof ProblemException g && g.status() == 404).recoverWithNull();
    }
}
