package ai.persona.updater.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import ai.persona.events.ConversationCompleted;
import ai.persona.updater.config.UpdaterConfig;
import ai.persona.updater.service.BatchDispatcher;
import ai.persona.updater.service.SessionIntake;
import ai.persona.updater.service.UpdaterMetrics;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Buffers each completed session in PostgreSQL and only then lets its offset be committed (the returned Uni acks the
 * record). The optimizer is not run here: sealed batches are handed to the dispatcher after the transaction committed,
 * so a slow model never holds up the consumer. An unreadable record fails at once and goes to the dead-letter topic; a
 * storage failure is retried with backoff first.
 */
@ApplicationScoped
public class ConversationConsumer {

    private final EventReader reader;
    private final SessionIntake intake;
    private final BatchDispatcher dispatcher;
    private final UpdaterMetrics metrics;
    private final UpdaterConfig.Intake config;

    public ConversationConsumer(EventReader reader, SessionIntake intake, BatchDispatcher dispatcher,
            UpdaterMetrics metrics, UpdaterConfig config) {
        this.reader = reader;
        this.intake = intake;
        this.dispatcher = dispatcher;
        this.metrics = metrics;
        this.config = config.intake();
    }

    @Incoming("conversations")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        ConversationCompleted event;
        try {
            event = reader.conversation(record.key(), record.value());
        } catch (InvalidEventException e) {
            Log.warnf("dead-lettering %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), e.getMessage());
            return Uni.createFrom().failure(e);
        }
        return Uni.createFrom().deferred(() -> intake.accept(event, record.value()))
                .onFailure().retry()
                .withBackOff(config.storeInitialBackoff(), config.storeMaxBackoff())
                .atMost(config.storeAttempts() - 1L)
                .invoke(result -> metrics.session(result.result().name().toLowerCase()))
                .invoke(result -> result.sealed().forEach(dispatcher::dispatch))
                .replaceWithVoid();
    }
}
