package ai.persona.gateway.openai;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import ai.persona.events.ChatMessage;
import ai.persona.events.MessageRole;
import ai.persona.gateway.model.ChatModel;
import ai.persona.gateway.model.ModelCatalog;
import ai.persona.gateway.model.ModelChunk;
import ai.persona.gateway.model.ModelMessage;
import ai.persona.gateway.model.ModelOutput;
import ai.persona.gateway.model.ModelRequest;
import ai.persona.gateway.rest.HttpReply;
import ai.persona.gateway.service.ConversationTracker;
import ai.persona.gateway.service.GatewayException;
import ai.persona.gateway.service.Personalization;
import ai.persona.gateway.service.Streams;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * One OpenAI-compatible chat completion: the persona goes in as a system message ahead of the client's own messages,
 * and the model's reply (text or tool calls, whole or streamed) goes back to the client as the model gave it; the
 * client's new messages and the reply are recorded in its session as one event before the client has all of the reply.
 * A front-end's background task ({@link BackgroundTasks}) is passed on as sent and not recorded.
 */
@ApplicationScoped
public class ChatCompletions {

    public static final String SESSION_HEADER = "X-Session-Id";

    private final ConversationTracker tracker;
    private final Personalization personalization;
    private final ChatModel chatModel;
    private final ModelCatalog models;
    private final BackgroundTasks backgroundTasks;

    public ChatCompletions(ConversationTracker tracker, Personalization personalization, ChatModel chatModel,
            ModelCatalog models, BackgroundTasks backgroundTasks) {
        this.tracker = tracker;
        this.personalization = personalization;
        this.chatModel = chatModel;
        this.models = models;
        this.backgroundTasks = backgroundTasks;
    }

    public Uni<HttpReply> complete(String userId, String requestedSessionId, JsonNode body) {
        OpenAiRequest request = OpenAiRequests.read(body);
        String model = models.resolve(request.model());
        List<ModelMessage> conversation = request.messages().stream().map(OpenAiMessages::toModel).toList();
        Instant now = Instant.now();
        List<ChatMessage> stored = request.messages().stream().map(m -> OpenAiMessages.toStored(m, now)).toList();
        if (backgroundTasks.isBackgroundTask(stored)) {
            // a front-end's own task (a title, tags): answered as sent, nothing recorded, nothing learned
            return reply(Keeper.NOTHING, model, ModelRequest.of(model, null, conversation, request.tools(),
                    request.toolChoice(), request.otherParameters()), request.stream());
        }
        return tracker.track(userId, requestedSessionId, stored)
                .chain(session -> personalization.systemPrompt(userId, session.sessionId(), lastUserMessage(stored))
                        .map(prompt -> ModelRequest.of(model, prompt, conversation, request.tools(),
                                request.toolChoice(), request.otherParameters()))
                        .chain(modelRequest -> reply(Keeper.recorded(tracker, session, stored), model, modelRequest,
                                request.stream())));
    }

    private Uni<HttpReply> reply(Keeper keeper, String model, ModelRequest request, boolean stream) {
        return stream ? streamed(keeper, model, request) : whole(keeper, model, request);
    }

    private Uni<HttpReply> whole(Keeper keeper, String model, ModelRequest request) {
        ReplyRecorder recorder = new ReplyRecorder();
        return chatModel.complete(request)
                .invoke(recorder::add)
                .call(() -> keeper.keep(recorder.message(Instant.now())))
                .onFailure().call(() -> keepAfterFailure(keeper))
                .map(reply -> HttpReply.json(OpenAiReplies.completion(reply, modelOf(reply, model)),
                        keeper.headers()));
    }

    private Uni<HttpReply> streamed(Keeper keeper, String model, ModelRequest request) {
        return Streams.started(chatModel.stream(request))
                .onFailure().call(() -> keepAfterFailure(keeper))
                .map(chunks -> HttpReply.events(frames(keeper, model, chunks), "[DONE]", keeper.headers()));
    }

    // recorded before [DONE]: a client that sends its next turn right after it finds the session complete
    private Multi<Object> frames(Keeper keeper, String model, Multi<ModelChunk> chunks) {
        ReplyRecorder recorder = new ReplyRecorder();
        Multi<Object> relayed = chunks
                .invoke(recorder::add)
                .map(chunk -> OpenAiReplies.chunk(chunk, modelOf(chunk, model)));
        Multi<Object> recorded = Multi.createFrom().deferred(() -> keeper.keep(recorder.message(Instant.now()))
                .onItem().transformToMulti(ignored -> Multi.createFrom().empty()));
        return Multi.createBy().concatenating().streams(relayed, recorded)
                .onFailure().call(() -> keepAfterFailure(keeper))
                .onFailure().recoverWithItem(ChatCompletions::errorFrame);
    }

    // what the client sent is kept even when the model failed, as the native API keeps the user's message
    private static Uni<Void> keepAfterFailure(Keeper keeper) {
        return keeper.keep(Optional.empty())
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

    private static String modelOf(ModelOutput response, String requested) {
        return response.model() != null ? response.model() : requested;
    }
}
