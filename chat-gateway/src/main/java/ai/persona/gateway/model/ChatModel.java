package ai.persona.gateway.model;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The chat model as the gateway sees it: an OpenAI-compatible chat completion, whole or streamed, in the gateway's
 * own records. The one implementation ({@code model.langchain4j}) is the only code that knows which client library
 * speaks to the endpoint, so an upgrade of that library touches nothing else. Neither call blocks a thread while the
 * model thinks; cancelling (a client that goes away) cancels the model call. Failures arrive as
 * {@link ai.persona.gateway.service.GatewayException}s: the model down, slow, or refusing our key is a 503; rate
 * limited a 429; a request the model rejects as malformed the client's 400.
 */
public interface ChatModel {

    Uni<ModelReply> complete(ModelRequest request);

    /** The reply's chunks as the model sends them; each choice's message holds that chunk's delta. */
    Multi<ModelChunk> stream(ModelRequest request);
}
