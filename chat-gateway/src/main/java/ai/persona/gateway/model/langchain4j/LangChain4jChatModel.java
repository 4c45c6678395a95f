package ai.persona.gateway.model.langchain4j;

import jakarta.enterprise.context.ApplicationScoped;

import dev.langchain4j.model.openai.internal.OpenAiClient;
import dev.langchain4j.model.openai.internal.ResponseHandle;
import dev.langchain4j.model.openai.internal.chat.ChatCompletionRequest;
import dev.langchain4j.model.openai.internal.chat.ChatCompletionResponse;
import ai.persona.gateway.model.ChatModel;
import ai.persona.gateway.model.ModelChunk;
import ai.persona.gateway.model.ModelConfig;
import ai.persona.gateway.model.ModelReply;
import ai.persona.gateway.model.ModelRequest;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The gateway's {@link ChatModel} on langchain4j's OpenAI client: the client's callbacks as Mutiny streams, never
 * blocking a thread while waiting; cancelling cancels the HTTP call. Records are translated at this edge only.
 */
@ApplicationScoped
public class LangChain4jChatModel implements ChatModel {

    private final OpenAiClient client;

    public LangChain4jChatModel(ModelConfig config) {
        this.client = OpenAiClients.create(config);
    }

    @Override
    public Uni<ModelReply> complete(ModelRequest request) {
        ChatCompletionRequest single = WireRequests.of(request, false);
        return Uni.createFrom().<ChatCompletionResponse>emitter(emitter -> {
            ResponseHandle call = client.chatCompletion(single)
                    .onResponse(emitter::complete)
                    .onError(emitter::fail)
                    .execute();
            emitter.onTermination(call::cancel);
        })
                .onFailure().transform(ModelErrors::toGatewayError)
                .map(WireReplies::reply);
    }

    @Override
    public Multi<ModelChunk> stream(ModelRequest request) {
        ChatCompletionRequest streaming = WireRequests.of(request, true);
        return Multi.createFrom().<ChatCompletionResponse>emitter(emitter -> {
            ResponseHandle call = client.chatCompletion(streaming)
                    .onPartialResponse(emitter::emit)
                    .onComplete(emitter::complete)
                    .onError(emitter::fail)
                    .execute();
            emitter.onTermination(call::cancel);
        })
                .onFailure().transform(ModelErrors::toGatewayError)
                .map(WireReplies::chunk);
    }
}
