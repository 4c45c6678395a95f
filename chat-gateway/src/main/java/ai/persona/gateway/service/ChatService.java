package ai.persona.gateway.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.langchain4j.model.openai.internal.chat.ChatCompletionRequest;
import dev.langchain4j.model.openai.internal.chat.ChatCompletionResponse;
import ai.persona.events.ChatMessage;
import ai.persona.events.MessageRole;
import ai.persona.gateway.client.SessionServiceClient;
import ai.persona.gateway.client.SessionServiceClient.AppendMessages;
import ai.persona.gateway.config.GatewayConfig;
import ai.persona.gateway.llm.Llm;
import ai.persona.gateway.llm.LlmRequests;
import ai.persona.gateway.llm.ModelCatalog;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * A turn of the native API: the user's message is stored first (so it is kept whatever happens next), the model gets
 * the persona and the stored conversation, and its reply is stored before the user sees the end of it.
 */
@ApplicationScoped
public class ChatService {

    private final SessionServiceClient sessions;
    private final Personalization personalization;
    private final Llm llm;
    private final ModelCatalog models;
    private final GatewayConfig.Sessions config;

    public ChatService(@RestClient SessionServiceClient sessions, Personalization personalization, Llm llm,
            ModelCatalog models, GatewayConfig config) {
        this.sessions = sessions;
        this.personalization = personalization;
        this.llm = llm;
        this.models = models;
        this.config = config.sessions();
    }

    /** The assistant's whole reply, once stored. */
    public Uni<ChatMessage> reply(String userId, String sessionId, String content) {
        return prepare(userId, sessionId, content)
                .chain(llm::complete)
                .map(ChatService::replyText)
                .chain(text -> store(userId, sessionId, text));
    }

    /** The reply as text deltas, then the stored message; handed over once the model's first chunk arrived. */
    public Uni<Multi<StreamEvent>> replyStream(String userId, String sessionId, String content) {
        return prepare(userId, sessionId, content)
                .map(llm::stream)
                .chain(Streams::started)
                .map(chunks -> events(userId, sessionId, chunks));
    }

    private Multi<StreamEvent> events(String userId, String sessionId, Multi<ChatCompletionResponse> chunks) {
        StringBuilder reply = new StringBuilder();
        Multi<StreamEvent> deltas = chunks
                .map(ChatService::replyText)
                .filter(text -> !text.isEmpty())
                .invoke(reply::append)
                .map(StreamEvent::delta);
        Multi<StreamEvent> done = Multi.createFrom().deferred(() -> store(userId, sessionId, reply.toString())
                .map(StreamEvent::done)
                .toMulti());
        return Multi.createBy().concatenating().streams(deltas, done)
                .onFailure().recoverWithItem(StreamEvent::failed);
    }

    private Uni<ChatCompletionRequest> prepare(String userId, String sessionId, String content) {
        checkContent(content);
        ChatMessage message = ChatMessage.of(MessageRole.USER, content, Instant.now());
        // one round trip: store the message and read the conversation the model needs
        return sessions.append(userId, sessionId, SessionServiceClient.INCLUDE_MESSAGES,
                new AppendMessages(List.of(message)))
                .chain(session -> personalization.systemPrompt(userId, sessionId, content)
                        .map(prompt -> LlmRequests.request(models.defaultModel(), prompt,
                                session.messagesOrEmpty().stream().map(LlmRequests::toModel).toList(),
                                null, null, Map.of())));
    }

    private Uni<ChatMessage> store(String userId, String sessionId, String text) {
        ChatMessage reply = ChatMessage.of(MessageRole.ASSISTANT, text, Instant.now());
        if (text.isBlank()) {
            // nothing to keep: session-service refuses empty messages, and an empty reply tells nothing
            return Uni.createFrom().item(reply);
        }
        return sessions.append(userId, sessionId, new AppendMessages(List.of(reply)))
                .replaceWith(reply);
    }

    private void checkContent(String content) {
        if (content == null || content.isBlank()) {
            throw GatewayException.badRequest("send a message with non-empty \"content\"");
        }
        if (content.length() > config.maxMessageChars()) {
            throw GatewayException.tooLarge("a message holds at most " + config.maxMessageChars() + " characters");
        }
    }

    private static String replyText(ChatCompletionResponse response) {
        if (response.choices() == null || response.choices().isEmpty()) {
            return "";
        }
        var choice = response.choices().get(0);
        String text = choice.message() != null ? choice.message().content()
                : choice.delta() != null ? choice.delta().content() : null;
        return text == null ? "" : text;
    }
}
