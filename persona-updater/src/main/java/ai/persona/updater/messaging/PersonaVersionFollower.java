package ai.persona.updater.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import ai.persona.events.EventContract;
import ai.persona.runtime.messaging.ProducerCheck;
import ai.persona.updater.service.SnapshotService;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Every instance follows new PersonaChanged events itself (a consumer group of its own, from the latest offset, nothing
 * committed), beside the shared group that keeps the snapshots: a batch waiting here for its predecessor's patch is
 * woken even when another replica's consumer holds the user's partition. It stores the snapshot too (applying an
 * older or equal version changes nothing), so the woken batch reads the version it was woken for. Tombstones, records of
 * another producer and unreadable records are left to the shared group, which dead-letters them.
 */
@ApplicationScoped
public class PersonaVersionFollower {

    private final EventReader reader;
    private final SnapshotService snapshots;
    private final ProducerCheck producers;

    public PersonaVersionFollower(EventReader reader, SnapshotService snapshots, ProducerCheck producers) {
        this.reader = reader;
        this.snapshots = snapshots;
        this.producers = producers;
    }

    @Incoming("persona-versions")
    public Uni<Void> follow(ConsumerRecord<String, String> record) {
        if (record.value() == null || !producers.fromProducer(EventContract.PERSONA_CHANGED, record)) {
            return Uni.createFrom().voidItem();
        }
        try {
            return snapshots.apply(reader.personaChanged(record.key(), record.value()))
                    .onFailure().invoke(e -> Log.debugf("snapshot of %s not stored by the follower: %s", record.key(),
                            e.getMessage()))
                    .onFailure().recoverWithNull()
                    .replaceWithVoid();
        } catch (InvalidEventException e) {
            return Uni.createFrom().voidItem();
        }
    }
}
