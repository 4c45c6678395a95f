package ai.persona.updater.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import ai.persona.events.ConversationCompleted;
import ai.persona.events.EventContract;
import ai.persona.runtime.messaging.ProducerCheck;
import ai.persona.updater.config.UpdaterConfig;
import ai.persona.updater.service.BatchDispatcher;
import ai.persona.updater.service.SessionIntake;
import ai.persona.updater.service.UpdaterMetrics;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Buffers each poll's completed sessions in PostgreSQL, in one transaction, and only then lets their offsets be
 * committed (the returned Uni acks the batch). The optimizer is not run here: sealed batches are handed to the
 * dispatcher after the transaction committed, so a slow model never holds up the consumer. A storage failure retries
 * the whole batch with backoff; once the attempts are spent, the batch is nacked and every record dead-lettered, as
 * one at a time each would have been. A record session-service did not write ({@link ProducerCheck}) or that is
 * unreadable is dead-lettered on its own, without holding up the rest; so is one whose sealed messages do not open
 * ({@link SealedConversations}), while one whose key was destroyed with its user is dropped as forgotten.
 */
@ApplicationScoped
public class ConversationConsumer {

    private final EventReader reader;
    private final SessionIntake intake;
    private final DeadLetters deadLetters;
    private final BatchDispatcher dispatcher;
    private final UpdaterMetrics metrics;
    private final UpdaterConfig.Intake config;
    private final ProducerCheck producers;
    private final SealedConversations sealed;

    public ConversationConsumer(EventReader reader, SessionIntake intake, DeadLetters deadLetters,
            BatchDispatcher dispatcher, UpdaterMetrics metrics, UpdaterConfig config, ProducerCheck producers,
            SealedConversations sealed) {
        this.sealed = sealed;
        this.producers = producers;
        this.reader = reader;
        this.intake = intake;
        this.deadLetters = deadLetters;
        this.dispatcher = dispatcher;
        this.metrics = metrics;
        this.config = config.intake();
    }

    @Incoming("conversations")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        List<SealedConversations.Pending> pending = new ArrayList<>();
        List<DeadLetters.Unreadable> unreadable = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                producers.require(EventContract.CONVERSATION_COMPLETED, record, InvalidEventException::new);
                ConversationCompleted event = reader.conversation(record.key(), record.value());
                pending.add(new SealedConversations.Pending(record, event));
            } catch (InvalidEventException e) {
                Log.warnf("dead-lettering %s-%d@%d: %s", record.topic(), record.partition(), record.offset(),
                        e.getMessage());
                unreadable.add(new DeadLetters.Unreadable(record, e));
            }
        }
        // opened with the users' keys (session-service gets the same patience as the database), then
        // stored first: should storing fail for good, the nack dead-letters these records too, and only once
        return retried(() -> sealed.open(pending))
                .invoke(opened -> unreadable.addAll(opened.unopenable()))
                .chain(opened -> retried(() -> store(opened.readable())))
                .invoke(stored -> stored.results().forEach(result -> metrics.session(result.name().toLowerCase())))
                .invoke(stored -> stored.sealed().forEach(dispatcher::dispatch))
                .chain(() -> retried(() -> deadLetters.send(unreadable)));
    }

    private Uni<SessionIntake.Intake> store(List<SessionIntake.Received> readable) {
        return readable.isEmpty() ? Uni.createFrom().item(new SessionIntake.Intake(List.of(), List.of()))
                : intake.accept(readable);
    }

    // the broker gets the same patience as the database
    private <T> Uni<T> retried(Supplier<Uni<? extends T>> step) {
        return Uni.createFrom().deferred(step)
                .onFailure().retry()
                .withBackOff(config.storeInitialBackoff(), config.storeMaxBackoff())
                .atMost(config.storeAttempts() - 1L);
    }
}
