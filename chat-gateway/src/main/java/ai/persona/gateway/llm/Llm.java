package ai.persona.gateway.llm;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import ai.persona.gateway.service.Unavailable;
import ai.persona.runtime.problem.ProblemException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.model.openai.internal.OpenAiClient;
import dev.langchain4j.model.openai.internal.ResponseHandle;
import dev.langchain4j.model.openai.internal.chat.ChatCompletionRequest;
import dev.langchain4j.model.openai.internal.chat.ChatCompletionResponse;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The model as Mutiny streams: one reply, or the chunks of a streamed one, never blocking a thread while waiting.
 * Cancelling (a client that goes away) cancels the model call. Failures become the gateway's errors: the model being
 * down, slow or refusing our key is a 503 for the user; a request the model rejects as malformed is the client's 400.
 */
@ApplicationScoped
public class Llm {

    private final OpenAiClient client;

    public Llm(OpenAiClient client) {
        this.client = client;
    }

    public Uni<ChatCompletionResponse> complete(ChatCompletionRequest request) {
        ChatCompletionRequest single = ChatCompletionRequest.builder().from(request).stream(null).build();
        return Uni.createFrom().<ChatCompletionResponse>emitter(emitter -> {
            ResponseHandle call = client.chatCompletion(single)
                    .onResponse(emitter::complete)
                    .onError(emitter::fail)
                    .execute();
            emitter.onTermination(call::cancel);
        })
                .onFailure().transform(Llm::toGatewayError);
    }

    public Multi<ChatCompletionResponse> stream(ChatCompletionRequest request) {
        ChatCompletionRequest streaming = ChatCompletionRequest.builder().from(request).stream(true).build();
        return Multi.createFrom().<ChatCompletionResponse>emitter(emitter -> {
            ResponseHandle call = client.chatCompletion(streaming)
                    .onPartialResponse(emitter::emit)
                    .onComplete(emitter::complete)
                    .onError(emitter::fail)
                    .execute();
            emitter.onTermination(call::cancel);
        })
                .onFailure().transform(Llm::toGatewayError);
    }

    static Throwable toGatewayError(Throwable failure) {
        if (failure instanceof ProblemException) {
            return failure;
        }
        HttpException http = find(failure, HttpException.class);
        if (http != null && (http.statusCode() == 400 || http.statusCode() == 404 || http.statusCode() == 422)) {
            return ProblemException.badRequest("the model rejected the request: " + http.getMessage());
        }
        if (http != null && http.statusCode() == 429) {
            return new ProblemException(429, "llm-rate-limited", "Too many requests",
                    "the model is rate limited; try again shortly", java.util.Map.of());
        }
        String why = http != null ? "status " + http.statusCode()
                : find(failure, ConnectException.class) != null ? "unreachable"
                : find(failure, TimeoutException.class) != null ? "timed out"
                : failure.toString();
        Log.warnf("the model failed (%s)", why);
        return Unavailable.llm("the model is unavailable (" + why + "); your message was kept");
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
