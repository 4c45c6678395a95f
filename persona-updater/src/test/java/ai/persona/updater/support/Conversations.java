package ai.persona.updater.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.persona.events.ChangeSource;
import ai.persona.events.ChatMessage;
import ai.persona.events.ConversationCompleted;
import ai.persona.events.EventContract;
import ai.persona.events.MessageRole;
import ai.persona.events.PersonaChanged;
import ai.persona.events.SessionEvent;
import ai.persona.infra.testing.TestKafka;
import ai.persona.model.PersonaJson;

/** Builds and sends the events a test feeds the service, as the other services would publish them. */
public final class Conversations {

    /** A phrase only the optimizer's repair request contains (prompts/optimizer-repair.txt). */
    public static final String REPAIR_PHRASE = "Your previous answer to this request was rejected";

    private static final TestKafka KAFKA = TestKafka.ofConfig();

    private static final Instant START = Instant.parse("2025-03-01T09:00:00Z");

    private Conversations() {
    }

    /** A marker unique to one test; it goes into the user's words so the model stub can tell tests apart. */
    public static String marker() {
        return "case" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    public static String userId() {
        return "user-" + UUID.randomUUID();
    }

    public static ChatMessage user(String text) {
        return ChatMessage.of(MessageRole.USER, text, START);
    }

    public static ChatMessage assistant(String text) {
        return ChatMessage.of(MessageRole.ASSISTANT, text, START);
    }

    public static ChatMessage system(String text) {
        return ChatMessage.of(MessageRole.SYSTEM, text, START);
    }

    /** Session {@code n} of the user (ended n minutes after the start), with the given messages. */
    public static ConversationCompleted session(String userId, int n, ChatMessage... messages) {
        Instant ended = START.plusSeconds(60L * n);
        return ConversationCompleted.of(userId + "-s" + n, userId, ended.minusSeconds(30), ended, List.of(messages));
    }

    /** A plain session: one user turn carrying the marker, one assistant reply. */
    public static ConversationCompleted simple(String userId, int n, String marker) {
        return session(userId, n, user("[" + marker + "] message " + n + ": I keep notes in plain text files."),
                assistant("Noted, plain text it is (reply " + n + ")."));
    }

    public static void send(ConversationCompleted session) {
        sendRaw(session.userId(), json(session));
    }

    /** Sends this text as a completed conversation of the user, as session-service would: valid or not. */
    public static void sendRaw(String userId, String value) {
        KAFKA.send(EventContract.CONVERSATION_COMPLETED.topic(), userId, value);
    }

    public static List<ConversationCompleted> sendSimple(String userId, String marker, int from, int to) {
        List<ConversationCompleted> sent = new ArrayList<>();
        for (int n = from; n <= to; n++) {
            ConversationCompleted session = simple(userId, n, marker);
            send(session);
            sent.add(session);
        }
        return sent;
    }

    public static void sendPersona(String userId, long version, ObjectNode persona) {
        PersonaChanged changed = new PersonaChanged(PersonaChanged.VERSION, userId, version,
                PersonaJson.mapper().createArrayNode(), persona, ChangeSource.USER_EDIT, null, List.of(), Instant.now());
        KAFKA.send(EventContract.PERSONA_CHANGED.topic(), userId, json(changed));
    }

    public static void sendTombstone(String userId) {
        KAFKA.send(EventContract.PERSONA_CHANGED.topic(), userId, null);
    }

    /** The gateway's marker that the user asked to be forgotten, recorded at {@code at}. */
    public static void sendForgotten(String userId, Instant at) {
        KAFKA.send(EventContract.SESSION_EVENT.topic(), userId,
                json(SessionEvent.forgotten("e-" + UUID.randomUUID(), userId, at)));
    }

    public static String json(Object event) {
        try {
            return PersonaJson.mapper().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
