package ai.persona.updater.messaging;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import ai.persona.events.EventContract;
import ai.persona.events.PersonaChanged;
import ai.persona.runtime.messaging.ProducerCheck;
import ai.persona.updater.config.UpdaterConfig;
import ai.persona.updater.keys.ContentKeyCache;
import ai.persona.updater.service.SnapshotService;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Follows the compacted PersonaChanged topic: each value is the user's whole current persona, kept as the optimizer's
 * base; a tombstone (null value) means the user was deleted and everything held for them is forgotten. Consumed as a
 * ConsumerRecord because a tombstone has no payload to hand to a payload method. A record session-service did not write
 * ({@link ProducerCheck}), tombstones included (a forged one would drop a user's batches), is dead-lettered.
 */
@ApplicationScoped
public class PersonaChangedConsumer {

    private final EventReader reader;
    private final SnapshotService snapshots;
    private final UpdaterConfig.Intake config;
    private final ProducerCheck producers;
    private final ContentKeyCache keys;

    public PersonaChangedConsumer(EventReader reader, SnapshotService snapshots, UpdaterConfig config,
            ProducerCheck producers, ContentKeyCache keys) {
        this.keys = keys;
        this.producers = producers;
        this.reader = reader;
        this.snapshots = snapshots;
        this.config = config.intake();
    }

    @Incoming("persona-changed")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        try {
            producers.require(EventContract.PERSONA_CHANGED, record, InvalidEventException::new);
        } catch (InvalidEventException e) {
            return Uni.createFrom().failure(e);
        }
        Uni<?> step;
        if (record.value() == null) {
            if (record.key() == null) {
                return Uni.createFrom().failure(new InvalidEventException("a tombstone without a user id key"));
            }
            keys.forget(record.key());
            // the record's time: when session-service relayed the deletion, which is not before it happened
            step = Uni.createFrom().deferred(() -> snapshots.forget(record.key(), Instant.ofEpochMilli(record.timestamp())));
        } else {
            PersonaChanged event;
            try {
                event = reader.personaChanged(record.key(), record.value());
            } catch (InvalidEventException e) {
                Log.warnf("dead-lettering %s-%d@%d: %s", record.topic(), record.partition(), record.offset(),
                        e.getMessage());
                return Uni.createFrom().failure(e);
            }
            step = Uni.createFrom().deferred(() -> snapshots.apply(event));
        }
        return step
                .onFailure().retry()
                .withBackOff(config.storeInitialBackoff(), config.storeMaxBackoff())
                .atMost(config.storeAttempts() - 1L)
                .replaceWithVoid();
    }
}
