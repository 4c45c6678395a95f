package ai.persona.gateway.responses;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestMulti;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import ai.persona.gateway.auth.CurrentUser;
import ai.persona.gateway.rest.HttpReply;
import io.quarkus.security.Authenticated;

/** OpenAI's Responses API, for clients that use it rather than chat completions (Vercel AI SDK, OpenAI agents SDK). */
@Path("/v1/responses")
@Authenticated
public class ResponsesResource {

    private final CurrentUser user;
    private final Responses responses;

    public ResponsesResource(CurrentUser user, Responses responses) {
        this.user = user;
        this.responses = responses;
    }

    // no @Produces: "stream" in the body decides between JSON and server-sent events (see HttpReply)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a model response (stream true or false), personalized and recorded like a chat "
            + "completion; previous_response_id continues a conversation within its session")
    public RestMulti<byte[]> create(JsonNode body) {
        String userId = user.actingFor(body == null ? MissingNode.getInstance() : body.path("user"));
        return HttpReply.respond(responses.create(userId, user.chatId(), body));
    }
}
