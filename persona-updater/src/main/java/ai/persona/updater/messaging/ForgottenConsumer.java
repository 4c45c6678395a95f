package ai.persona.updater.messaging;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.persona.events.EventContract;
import ai.persona.events.SessionEvent;
import ai.persona.runtime.messaging.ProducerCheck;
import ai.persona.updater.config.UpdaterConfig;
import ai.persona.updater.keys.ContentKeyCache;
import ai.persona.updater.service.SnapshotService;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Learns of a deletion from the user's FORGOTTEN SessionEvent, which the gateway records before it deletes the user, so
 * well before session-service's PersonaChanged tombstone: the user's buffered sessions and batches are dropped, and a
 * batch with the model right now is not published. Every other SessionEvent is skipped unread beyond its kind; an
 * unreadable one, and a marker the gateway did not write ({@link ProducerCheck}: counted here too, as this consumer
 * refuses to act on it), are session-service's to dead-letter, not this consumer's.
 */
@ApplicationScoped
public class ForgottenConsumer {

    private final ObjectMapper mapper;
    private final SnapshotService snapshots;
    private final UpdaterConfig.Intake config;
    private final ProducerCheck producers;
    private final ContentKeyCache keys;

    public ForgottenConsumer(ObjectMapper mapper, SnapshotService snapshots, UpdaterConfig config,
            ProducerCheck producers, ContentKeyCache keys) {
        this.keys = keys;
        this.producers = producers;
        this.mapper = mapper;
        this.snapshots = snapshots;
        this.config = config.intake();
    }

    @Incoming("session-events")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        SessionEvent event = forgotten(record.value());
        if (event == null) {
            return Uni.createFrom().voidItem();
        }
        try {
            producers.require(EventContract.SESSION_EVENT, record, InvalidEventException::new);
        } catch (InvalidEventException e) {
            // a forged marker would drop the victim's batches: ignored, dead-lettered by session-service
            return Uni.createFrom().voidItem();
        }
        // the marker's own time, from the clock that stamps the user's later sessions too
        Instant deletedAt = event.at() != null ? event.at() : Instant.ofEpochMilli(record.timestamp());
        keys.forget(event.userId());
        return Uni.createFrom().deferred(() -> snapshots.forget(event.userId(), deletedAt))
                .onFailure().retry()
                .withBackOff(config.storeInitialBackoff(), config.storeMaxBackoff())
                .atMost(config.storeAttempts() - 1L)
                .replaceWithVoid();
    }

    /** The event when it is a readable FORGOTTEN marker with a user id, otherwise null. */
    private SessionEvent forgotten(String json) {
        if (json == null || !json.contains(SessionEvent.Kind.FORGOTTEN.name())) {
            return null;
        }
        try {
            SessionEvent event = mapper.readValue(json, SessionEvent.class);
            return event.kind() == SessionEvent.Kind.FORGOTTEN && event.userId() != null && !event.userId().isBlank()
                    ? event : null;
        } catch (JsonProcessingException e) {
            Log.debugf("skipping an unreadable session event: %s", e.getOriginalMessage());
            return null;
        }
    }
}
