package ai.persona.session.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;

import ai.persona.session.config.SessionServiceConfig;
import ai.persona.session.persistence.OutboxEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Relays PersonaChanged events from the outbox to Kafka in the order they were written, and deletes them once the broker
 * acknowledged. A crash in between republishes them: followers see at-least-once delivery and compare versions.
 */
@ApplicationScoped
public class PersonaEventRelay {

    private static final long RELAY_LOCK = 0x7065_7273_6f6e_61L;

    private final MutinyEmitter<Record<String, String>> emitter;
    private final SessionServiceConfig config;

    public PersonaEventRelay(@Channel("persona-changed") MutinyEmitter<Record<String, String>> emitter,
            SessionServiceConfig config) {
        this.emitter = emitter;
        this.config = config;
    }

    // Not before start-up completes: the emitter's channel is wired during start-up. Every second, the most often
    // Quarkus's scheduler runs a job; a patch applied by PatchConsumer relays at once, this is the safety net.
    @Scheduled(every = "${session-service.outbox-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> relay() {
        Context context = Vertx.currentContext();
        // One relay at a time across instances (rolling updates, replicas): two would publish a user's events twice
        // and out of order. The lock ends with the transaction, after the relayed rows are deleted.
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery("select pg_try_advisory_xact_lock(:key)", Boolean.class)
                        .setParameter("key", RELAY_LOCK)
                        .getSingleResult())
                .chain(locked -> locked ? OutboxEntity.oldest(config.outboxBatchSize()) : Uni.createFrom().item(List.<OutboxEntity>of()))
                .chain(entries -> entries.isEmpty() ? Uni.createFrom().voidItem() : publish(entries, context)));
    }

    private Uni<Void> publish(List<OutboxEntity> entries, Context context) {
        List<Uni<Void>> sends = entries.stream()
                .map(entry -> emitter.send(Record.of(entry.userId, entry.payload)))
                .toList();
        List<Long> ids = entries.stream().map(entry -> entry.id).toList();
        // Acks complete on the producer's thread; Hibernate Reactive must continue on the Vert.x context it started on.
        return Uni.join().all(sends).andFailFast()
                .emitOn(command -> context.runOnContext(ignored -> command.run()))
                .chain(() -> OutboxEntity.delete("id in ?1", ids))
                .replaceWithVoid();
    }
}
