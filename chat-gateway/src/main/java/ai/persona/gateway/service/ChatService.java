package ai.persona.gateway.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import ai.persona.input.UserText;
import ai.persona.events.ChatMessage;
import ai.persona.events.MessageRole;
import ai.persona.gateway.client.SessionView;
import ai.persona.gateway.model.ChatModel;
import ai.persona.gateway.model.ModelCatalog;
import ai.persona.gateway.model.ModelChunk;
import ai.persona.gateway.model.ModelMessage;
import ai.persona.gateway.model.ModelOutput;
import ai.persona.gateway.model.ModelRequest;
import ai.persona.gateway.messaging.SessionRecorder;
import ai.persona.gateway.messaging.TurnTry;
import ai.persona.model.ConversationLimits;
import ai.persona.runtime.problem.ProblemException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * A turn of the native API: the model gets the persona (from memory) and the conversation (from the active sessions in
 * memory), and the user's message and the reply are recorded as one event before the user sees the end of the reply.
 * Nothing in a turn waits on a database; a turn that fails still keeps what the user said, when it can.
 */
@ApplicationScoped
public class ChatService {

    private final ActiveSessions sessions;
    private final SessionRecorder recorder;
    private final Personalization personalization;
    private final ChatModel chatModel;
    private final ModelCatalog models;
    private final ConversationLimits limits;

    public ChatService(ActiveSessions sessions, SessionRecorder recorder, Personalization personalization,
            ChatModel chatModel, ModelCatalog models, ConversationLimits limits) {
        this.sessions = sessions;
        this.recorder = recorder;
        this.personalization = personalization;
        this.chatModel = chatModel;
        this.models = models;
        this.limits = limits;
    }

    /**
     * The assistant's whole reply, once recorded.
     *
     * @param turnId the turn's event id when the client made the turn idempotent ({@link SessionIds#turn}); null for
     *        a new one
     */
    public Uni<ChatMessage> reply(String userId, String sessionId, String content, String turnId) {
        ChatMessage said = userMessage(content);
        return open(userId, sessionId)
                .chain(session -> request(session, said, turnId)
                        .chain(chatModel::complete)
                        .map(ModelOutput::firstText)
                        .chain(text -> record(session, said, text, turnId))
                        .onFailure().call(() -> keepAfterFailure(session, said, turnId)));
    }

    /** The reply as text deltas, then the recorded message; handed over once the model's first chunk arrived. */
    public Uni<Multi<StreamEvent>> replyStream(String userId, String sessionId, String content, String turnId) {
        ChatMessage said = userMessage(content);
        return open(userId, sessionId)
                .chain(session -> request(session, said, turnId)
                        .map(chatModel::stream)
                        .chain(Streams::started)
                        .onFailure().call(() -> keepAfterFailure(session, said, turnId))
                        .map(chunks -> events(session, said, chunks, turnId)));
    }

    private Multi<StreamEvent> events(SessionView session, ChatMessage said, Multi<ModelChunk> chunks,
            String turnId) {
        StringBuilder reply = new StringBuilder();
        Multi<StreamEvent> deltas = chunks
                .map(ModelOutput::firstText)
                .filter(text -> !text.isEmpty())
                .invoke(reply::append)
                .map(StreamEvent::delta);
        Multi<StreamEvent> done = Multi.createFrom().deferred(() -> record(session, said, reply.toString(), turnId)
                .map(StreamEvent::done)
                .toMulti());
        return Multi.createBy().concatenating().streams(deltas, done)
                .onFailure().call(() -> keepAfterFailure(session, said, turnId))
                .onFailure().recoverWithItem(StreamEvent::failed);
    }

    /** The session to talk in: open, and with room for this turn's two messages. */
    private Uni<SessionView> open(String userId, String sessionId) {
        return sessions.get(userId, sessionId)
                .invoke(session -> {
                    if (session.ended()) {
                        throw ProblemException.conflict("session-ended", "session " + sessionId + " has ended");
                    }
                    if (session.messageCount() + 2 > limits.maxMessagesPerSession()) {
                        throw ProblemException.conflict("session-full", "a session holds at most "
                                + limits.maxMessagesPerSession() + " messages");
                    }
                });
    }

    private Uni<ModelRequest> request(SessionView session, ChatMessage said, String turnId) {
        List<ModelMessage> conversation = new ArrayList<>();
        recorded(session, said, turnId).forEach(message -> conversation.add(ModelMessage.of(message)));
        conversation.add(ModelMessage.of(said));
        return personalization.systemPrompt(session.userId(), session.id(), said.content())
                .map(prompt -> ModelRequest.of(models.defaultModel(), prompt, conversation));
    }

    // the user's message and the reply in one event: both are kept, or neither and the user is told
    private Uni<ChatMessage> record(SessionView session, ChatMessage said, String text, String turnId) {
        Instant now = Instant.now();
        ChatMessage reply = ChatMessage.of(MessageRole.ASSISTANT, text, now);
        // an empty reply tells nothing, and session-service refuses empty messages: the user's message alone is kept
        List<ChatMessage> messages = text.isBlank() ? List.of(said) : List.of(said, reply);
        return recorder.said(turnId == null ? null : TurnTry.turn(turnId), session.userId(), session.id(), null,
                        messages)
                .invoke(() -> sessions.said(session, unrecorded(session, said, turnId, messages), now))
                .replaceWith(reply);
    }

    /**
     * A turn that failed (the model, or recording the reply) still keeps what the user said, so nothing they wrote is
     * lost and a retry has the context; if even that cannot be recorded, the turn's own failure is what they are told.
     * An idempotent turn that fails again and again keeps it once.
     */
    private Uni<Void> keepAfterFailure(SessionView session, ChatMessage said, String turnId) {
        return recorder.said(turnId == null ? null : TurnTry.kept(turnId), session.userId(), session.id(), null,
                        List.of(said))
                .invoke(() -> sessions.said(session, unrecorded(session, said, turnId, List.of(said)), Instant.now()))
                .onFailure().recoverWithNull();
    }

    /**
     * The session's messages before this turn: without the user's message a failed try of the same idempotent turn
     * kept (session-service stores it once; the model and this instance's copy of the session see it once too).
     */
    private static List<ChatMessage> recorded(SessionView session, ChatMessage said, String turnId) {
        List<ChatMessage> messages = session.messagesOrEmpty();
        return keptBefore(session, said, turnId) ? messages.subList(0, messages.size() - 1) : messages;
    }

    private static List<ChatMessage> unrecorded(SessionView session, ChatMessage said, String turnId,
            List<ChatMessage> messages) {
        return keptBefore(session, said, turnId) ? messages.subList(1, messages.size()) : messages;
    }

    // only a keyed turn's tries are one turn; an unkeyed message said again is said again
    private static boolean keptBefore(SessionView session, ChatMessage said, String turnId) {
        List<ChatMessage> messages = session.messagesOrEmpty();
        if (turnId == null || messages.isEmpty()) {
            return false;
        }
        ChatMessage last = messages.get(messages.size() - 1);
        return last.role() == MessageRole.USER && Objects.equals(last.content(), said.content());
    }

    private ChatMessage userMessage(String content) {
        checkContent(content);
        return ChatMessage.of(MessageRole.USER, content, Instant.now());
    }

    private void checkContent(String content) {
        if (content == null || content.isBlank()) {
            throw ProblemException.badRequest("send a message with non-empty \"content\"");
        }
        if (content.length() > limits.maxMessageChars()) {
            throw ProblemException.tooLarge("a message holds at most " + limits.maxMessageChars() + " characters");
        }
        // refused here, by the rule session-service applies too: recorded as an event, it would be dead-lettered there
        UserText.problem(content).ifPresent(problem -> {
            throw ProblemException.badField("content", "content " + problem);
        });
    }
}
