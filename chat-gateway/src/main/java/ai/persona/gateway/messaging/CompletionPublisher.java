package ai.persona.gateway.messaging;

import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.core.JsonProcessingException;

import ai.persona.events.ConversationCompleted;
import ai.persona.events.EventContract;
import ai.persona.gateway.client.SessionRecord;
import ai.persona.gateway.client.SessionServiceClient;
import ai.persona.model.PersonaJson;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Publishes a completed session as ConversationCompleted (key: user id; binary CloudEvents headers, id = session id) and,
 * once the broker acknowledged it, records in session-service that it was published. Until then the session stays
 * "completed but unpublished" there, and the republishing sweeper sends it again: nothing is lost when the broker or
 * this gateway is down, and a rare duplicate carries the same session id, by which consumers de-duplicate.
 */
@ApplicationScoped
public class CompletionPublisher {

    private static final URI SOURCE = URI.create("chat-gateway");

    private final MutinyEmitter<String> emitter;
    private final SessionServiceClient sessions;
    // sessions this instance is publishing now: an explicit end and a sweep must not both send one
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    public CompletionPublisher(@Channel("conversations-completed") MutinyEmitter<String> emitter,
            @RestClient SessionServiceClient sessions) {
        this.emitter = emitter;
        this.sessions = sessions;
    }

    /**
     * Publishes unless already recorded as published or being published here. True once published and recorded; false
     * when there was nothing to do; fails when the broker or session-service did (the sweeper will try again).
     */
    public Uni<Boolean> publish(SessionRecord session) {
        if (!session.ended() || session.published() || !inFlight.add(session.id())) {
            return Uni.createFrom().item(false);
        }
        return Uni.createFrom().item(() -> message(session))
                .chain(emitter::sendMessage)
                .chain(() -> sessions.published(session.userId(), session.id()))
                .replaceWith(true)
                .onTermination().invoke(() -> inFlight.remove(session.id()));
    }

    /**
     * As {@link #publish}, but answers within {@code wait}: false if the broker has not acknowledged by then. The
     * publication itself goes on regardless, so a late acknowledgement is still recorded.
     */
    public Uni<Boolean> publishWithin(SessionRecord session, Duration wait) {
        Uni<Boolean> publication = publish(session)
                .onFailure().invoke(e -> Log.warnf("completion of session %s not published yet (%s); the sweeper "
                        + "will retry", session.id(), e.getMessage()))
                .onFailure().recoverWithItem(false)
                .memoize().indefinitely();
        publication.subscribe().with(published -> {
        });
        return publication.ifNoItem().after(wait).recoverWithItem(false);
    }

    private Message<String> message(SessionRecord session) {
        ConversationCompleted event = ConversationCompleted.of(session.id(), session.userId(), session.startedAt(),
                session.endedAt(), session.messagesOrEmpty());
        return Message.of(json(event))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(session.userId()).build())
                .addMetadata(OutgoingCloudEventMetadata.builder()
                        .withId(session.id())
                        .withSource(SOURCE)
                        .withType(EventContract.CONVERSATION_COMPLETED.cloudEventType())
                        .withSubject(session.userId())
                        .build());
    }

    private static String json(ConversationCompleted event) {
        try {
            return PersonaJson.mapper().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + event.sessionId(), e);
        }
    }
}
