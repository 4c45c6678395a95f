package ai.persona.gateway.messaging;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.core.JsonProcessingException;

import ai.persona.events.ChatMessage;
import ai.persona.events.EventContract;
import ai.persona.events.SessionEvent;
import ai.persona.gateway.keys.ContentKeyCache;
import ai.persona.gateway.service.Unavailable;
import ai.persona.model.PersonaJson;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Records what happens in a session as SessionEvents (key: user id, so a session's events stay in order; binary
 * CloudEvents, id = event id). Each Uni completes when the broker acknowledged the event (acks=all, idempotent
 * producer): from then on it is durable, and session-service materializes it. A turn answers only after that, so a
 * reply the user has seen is always recorded; when the broker does not acknowledge, the turn fails instead. Messages are
 * sealed under the user's content key ({@link ContentKeyCache}); ends and the FORGOTTEN marker carry no content.
 */
@ApplicationScoped
public class SessionRecorder {

    private static final URI SOURCE = URI.create("chat-gateway");

    private final MutinyEmitter<String> emitter;
    private final ContentKeyCache keys;

    public SessionRecorder(@Channel("session-events") MutinyEmitter<String> emitter, ContentKeyCache keys) {
        this.emitter = emitter;
        this.keys = keys;
    }

    /**
     * @param firstIndex where {@code messages} start in the session, when the caller knows it (OpenAI clients resend the
     *        conversation); null appends them after those recorded
     */
    public Uni<Void> said(String userId, String sessionId, Integer firstIndex, List<ChatMessage> messages) {
        return said((TurnTry) null, userId, sessionId, firstIndex, messages);
    }

    /**
     * As {@link #said(String, String, Integer, List)}, as one try of an idempotent turn (null: an event of its own): a
     * repeated request that records under the same id is stored once by session-service, whichever gateway instance
     * sends it, and the user's message once across the turn's tries ({@link TurnTry}).
     */
    public Uni<Void> said(TurnTry attempt, String userId, String sessionId, Integer firstIndex,
            List<ChatMessage> messages) {
        // the messages leave only sealed under the user's key: their deletion makes every such record unreadable
        Instant at = Instant.now();
        return keys.of(userId)
                .onFailure().transform(e -> Unavailable.sessionStore(
                        "the conversation could not be recorded (no content key: " + e.getMessage() + "); try again"))
                .map(key -> SessionEvent.sealedMessages(attempt == null ? newId() : attempt.eventId(), userId,
                        sessionId, at, firstIndex, messages, key))
                .map(event -> attempt == null ? event : event.withSameFirstMessageAs(attempt.sameFirstMessageAs()))
                .chain(this::send);
    }

    public Uni<Void> ended(String userId, String sessionId, String reason) {
        return send(SessionEvent.ended(newId(), userId, sessionId, Instant.now(), reason));
    }

    /** The user asked to be forgotten: ordered after every event of theirs recorded before. */
    public Uni<Void> forgotten(String userId) {
        return send(SessionEvent.forgotten(newId(), userId, Instant.now()));
    }

    private Uni<Void> send(SessionEvent event) {
        return Uni.createFrom().item(() -> message(event))
                .chain(emitter::sendMessage)
                .onFailure().transform(e -> Unavailable.sessionStore("the conversation could not be recorded ("
                        + e.getMessage() + "); try again"));
    }

    private static Message<String> message(SessionEvent event) {
        return Message.of(json(event))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(event.userId()).build())
                .addMetadata(OutgoingCloudEventMetadata.builder()
                        .withId(event.eventId())
                        .withSource(SOURCE)
                        .withType(EventContract.SESSION_EVENT.cloudEventType())
                        .withSubject(event.userId())
                        .build());
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }

    private static String json(SessionEvent event) {
        try {
            return PersonaJson.mapper().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise event " + event.eventId(), e);
        }
    }
}
