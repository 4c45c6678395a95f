package ai.persona.gateway.openai;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestMulti;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import ai.persona.gateway.auth.CurrentUser;
import ai.persona.gateway.model.ModelCatalog;
import ai.persona.gateway.rest.HttpReply;
import io.quarkus.security.Authenticated;

/**
 * The OpenAI-compatible API: any OpenAI client works with this gateway's /v1 as base URL and a user's token as API key,
 * or an app key naming the user per request (see CurrentUser).
 * Errors come back in OpenAI's error shape (see ErrorMappers).
 */
@Path("/v1")
@Authenticated
public class OpenAiResource {

    private final CurrentUser user;
    private final ChatCompletions completions;
    private final ModelCatalog models;

    public OpenAiResource(CurrentUser user, ChatCompletions completions, ModelCatalog models) {
        this.user = user;
        this.completions = completions;
        this.models = models;
    }

    // no @Produces: "stream" in the body decides between JSON and server-sent events (see HttpReply)
    @POST
    @Path("/chat/completions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Chat completion (stream true or false); the conversation is kept as the X-Session-Id session, "
            + "or one derived from the conversation's beginning; the reply carries its id in X-Session-Id")
    public RestMulti<byte[]> chatCompletions(JsonNode body) {
        String userId = user.actingFor(body == null ? MissingNode.getInstance() : body.path("user"));
        return HttpReply.respond(completions.complete(userId, user.chatId(), body));
    }

    @GET
    @Path("/models")
    @Produces(MediaType.APPLICATION_JSON)
    public ModelList listModels() {
        List<ModelList.Model> offered = models.models().stream()
                .map(id -> new ModelList.Model(id, "model", 0, "ai-persona"))
                .toList();
        return new ModelList("list", offered);
    }
}
