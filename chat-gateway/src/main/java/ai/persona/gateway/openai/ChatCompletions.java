package ai.persona.gateway.openai;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import dev.langchain4j.model.openai.internal.chat.ChatCompletionRequest;
import dev.langchain4j.model.openai.internal.chat.ChatCompletionResponse;
import dev.langchain4j.model.openai.internal.chat.Message;
import ai.persona.events.ChatMessage;
import ai.persona.events.MessageRole;
import ai.persona.gateway.llm.Llm;
import ai.persona.gateway.llm.LlmRequests;
import ai.persona.gateway.llm.ModelCatalog;
import ai.persona.gateway.rest.HttpReply;
import ai.persona.gateway.service.ConversationTracker;
import ai.persona.gateway.service.ConversationTracker.Tracked;
import ai.persona.gateway.service.GatewayException;
import ai.persona.gateway.service.Personalization;
import ai.persona.gateway.service.Streams;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * One OpenAI-compatible chat completion: the persona goes in as a system message ahead of the client's own messages,
 * and the model's reply (text or tool calls, whole or streamed) goes back to the client as the model gave it; the
 * client's new messages and the reply are recorded in its session as one event before the client has all of the reply.
 */
@ApplicationScoped
public class ChatCompletions {

    public static final String SESSION_HEADER = "X-Session-Id";

    private final ConversationTracker tracker;
    private final Personalization personalization;
    private final Llm llm;
    private final ModelCatalog models;

    public ChatCompletions(ConversationTracker tracker, Personalization personalization, Llm llm, ModelCatalog models) {
        this.tracker = tracker;
        this.personalization = personalization;
        this.llm = llm;
        this.models = models;
    }

    public Uni<HttpReply> complete(String userId, String requestedSessionId, JsonNode body) {
        OpenAiRequest request = OpenAiRequests.read(body);
        String model = models.resolve(request.model());
        List<Message> conversation = request.messages().stream().map(OpenAiMessages::toModel).toList();
        Instant now = Instant.now();
        List<ChatMessage> stored = request.messages().stream().map(m -> OpenAiMessages.toStored(m, now)).toList();
        return tracker.track(userId, requestedSessionId, stored)
                .chain(session -> personalization.systemPrompt(userId, session.sessionId(), lastUserMessage(stored))
                        .map(prompt -> LlmRequests.request(model, prompt, conversation, request.tools(),
                                request.toolChoice(), request.otherParameters()))
                        .chain(modelRequest -> request.stream()
                                ? streamed(session, stored, model, modelRequest)
                                : whole(session, stored, model, modelRequest)));
    }

    private Uni<HttpReply> whole(Tracked session, List<ChatMessage> stored, String model,
            ChatCompletionRequest request) {
        ReplyRecorder recorder = new ReplyRecorder();
        return llm.complete(request)
                .invoke(recorder::add)
                .call(() -> tracker.record(session, stored, recorder.message(Instant.now())))
                .onFailure().call(() -> keepAfterFailure(session, stored))
                .map(response -> HttpReply.json(OpenAiReplies.completion(response, modelOf(response, model)),
                        Map.of(SESSION_HEADER, session.sessionId())));
    }

    private Uni<HttpReply> streamed(Tracked session, List<ChatMessage> stored, String model,
            ChatCompletionRequest request) {
        return Streams.started(llm.stream(request))
                .onFailure().call(() -> keepAfterFailure(session, stored))
                .map(chunks -> HttpReply.events(frames(session, stored, model, chunks), "[DONE]",
                        Map.of(SESSION_HEADER, session.sessionId())));
    }

    // recorded before [DONE]: a client that sends its next turn right after it finds the session complete
    private Multi<Object> frames(Tracked session, List<ChatMessage> stored, String model,
            Multi<ChatCompletionResponse> chunks) {
        ReplyRecorder recorder = new ReplyRecorder();
        Multi<Object> relayed = chunks
                .invoke(recorder::add)
                .map(chunk -> OpenAiReplies.chunk(chunk, modelOf(chunk, model)));
        Multi<Object> recorded = Multi.createFrom().deferred(() -> tracker.record(session, stored,
                        recorder.message(Instant.now()))
                .onItem().transformToMulti(ignored -> Multi.createFrom().empty()));
        return Multi.createBy().concatenating().streams(relayed, recorded)
                .onFailure().call(() -> keepAfterFailure(session, stored))
                .onFailure().recoverWithItem(ChatCompletions::errorFrame);
    }

    // what the client sent is kept even when the model failed, as the native API keeps the user's message
    private Uni<Void> keepAfterFailure(Tracked session, List<ChatMessage> stored) {
        return tracker.record(session, stored, Optional.empty())
                .onFailure().recoverWithNull();
    }

    // once streaming, the status is sent: a failure becomes an error event, as OpenAI's own streams report them
    private static Object errorFrame(Throwable failure) {
        if (failure instanceof GatewayException e) {
            return OpenAiError.of(e.status(), e.code().replace('-', '_'), e.getMessage());
        }
        return OpenAiError.of(500, "internal", "the reply could not be completed");
    }

    private static String lastUserMessage(List<ChatMessage> conversation) {
        for (int i = conversation.size() - 1; i >= 0; i--) {
            if (conversation.get(i).role() == MessageRole.USER) {
                return conversation.get(i).content();
            }
        }
        return null;
    }

    private static String modelOf(ChatCompletionResponse response, String requested) {
        return response.model() != null ? response.model() : requested;
    }
}
