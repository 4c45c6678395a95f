package ai.persona.session.messaging;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import ai.persona.input.LogText;
import ai.persona.events.EventContract;
import ai.persona.events.SessionEvent;
import ai.persona.runtime.messaging.ProducerCheck;
import ai.persona.session.service.EventOutcome;
import ai.persona.session.service.SessionEventReader;
import ai.persona.session.service.SessionEventStore;
import ai.persona.session.service.UserService;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Materializes SessionEvents a poll at a time: one transaction per batch rather than one per turn, so the database keeps
 * up with many chats. Records are read per partition in order, and a partition holds one user's events, so each
 * session's events apply in the order they were written. A record the gateway did not write ({@link ProducerCheck}) or
 * that is unreadable goes to the dead letters without holding back its batch (sealed messages are opened first:
 * {@link SealedEvents}); a database failure retries the whole batch, and after the last retry the connector dead-letters its
 * records (the batch is nacked) rather than stopping the consumer.
 */
@ApplicationScoped
public class SessionEventConsumer {

    static final String METRIC = "persona.session.events";
    private static final String DEAD_LETTER = "dead-letter";
    // a few minutes in all, as for patches: a short database outage holds the partitions back rather than
    // dead-lettering them
    private static final Duration BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    private static final int RETRIES = 20;

    private final SessionEventReader reader;
    private final SessionEventStore store;
    private final DeadLetters deadLetters;
    private final MeterRegistry registry;
    private final UserService users;
    private final CompletionRelay completions;
    private final ProducerCheck producers;
    private final SealedEvents sealed;

    public SessionEventConsumer(SessionEventReader reader, SessionEventStore store, DeadLetters deadLetters,
            MeterRegistry registry, UserService users, CompletionRelay completions, ProducerCheck producers,
            SealedEvents sealed) {
        this.sealed = sealed;
        this.producers = producers;
        this.reader = reader;
        this.store = store;
        this.users = users;
        this.deadLetters = deadLetters;
        this.registry = registry;
        this.completions = completions;
    }

    @Incoming("session-events")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        List<SealedEvents.Pending> readable = new ArrayList<>();
        List<Uni<Void>> unreadable = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            // a forged FORGOTTEN would delete its victim: the producer is checked before anything is read
            String refused = producers.problem(EventContract.SESSION_EVENT, record);
            if (refused != null) {
                unreadable.add(deadLetter(record, refused));
                continue;
            }
            SessionEventReader.Read read = reader.read(record.value());
            if (read.readable()) {
                readable.add(new SealedEvents.Pending(record, read.event()));
            } else {
                unreadable.add(deadLetter(record, read.problem()));
            }
        }
        return sealed.open(readable)
                .onFailure().retry().withBackOff(BACKOFF, MAX_BACKOFF).atMost(RETRIES)
                .chain(opened -> {
                    opened.unopenable().forEach((record, problem) -> unreadable.add(deadLetter(record, problem)));
                    return store(opened.events(), unreadable);
                });
    }

    private Uni<Void> store(List<SessionEvent> events, List<Uni<Void>> unreadable) {
        // dead letters first: they need no database, and are acknowledged before the batch's offsets are committed
        Uni<Void> deadLettered = all(unreadable)
                .onFailure().retry().withBackOff(BACKOFF, MAX_BACKOFF).atMost(RETRIES);
        // retried alone, so a database failure does not send the dead letters again
        Uni<List<EventOutcome>> recorded = Uni.createFrom().deferred(() -> materialize(events))
                .onFailure().invoke(e -> Log.warnf(e, "materializing %d session events failed; retrying", events.size()))
                .onFailure().retry().withBackOff(BACKOFF, MAX_BACKOFF).atMost(RETRIES);
        return deadLettered
                .chain(() -> recorded)
                .invoke(this::report)
                // ended sessions' completions go out now rather than at the relay's next tick (at most 1 s apart)
                .call(() -> endsAny(events) ? completions.relay().onFailure().recoverWithNull()
                        : Uni.createFrom().voidItem())
                .replaceWithVoid();
    }

    /**
     * A FORGOTTEN event splits the batch: what came before it is written, then the user is deleted (again: the gateway
     * deleted them through the API already, and events recorded before that may have brought rows back since), then
     * the rest. Each step is idempotent, so a retry of the whole batch repeats none of its effects.
     */
    private Uni<List<EventOutcome>> materialize(List<SessionEvent> events) {
        int marker = forgottenAt(events);
        if (marker < 0) {
            return events.isEmpty() ? Uni.createFrom().item(List.of()) : store.record(events);
        }
        SessionEvent forgotten = events.get(marker);
        return materialize(events.subList(0, marker))
                .chain(before -> users.forget(forgotten.userId(), forgottenAt(forgotten))
                        .chain(() -> materialize(events.subList(marker + 1, events.size())))
                        .map(after -> concat(before, new EventOutcome(forgotten.eventId(), null,
                                EventOutcome.FORGOTTEN, forgotten.userId()), after)));
    }

    // the gateway's clock, which stamps the user's later events too; cut to what PostgreSQL keeps
    private static Instant forgottenAt(SessionEvent forgotten) {
        return (forgotten.at() == null ? Instant.now() : forgotten.at()).truncatedTo(ChronoUnit.MICROS);
    }

    private static boolean endsAny(List<SessionEvent> events) {
        return events.stream().anyMatch(event -> event.kind() == SessionEvent.Kind.ENDED);
    }

    private static int forgottenAt(List<SessionEvent> events) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).kind() == SessionEvent.Kind.FORGOTTEN) {
                return i;
            }
        }
        return -1;
    }

    private static List<EventOutcome> concat(List<EventOutcome> before, EventOutcome marker, List<EventOutcome> after) {
        List<EventOutcome> all = new ArrayList<>(before);
        all.add(marker);
        all.addAll(after);
        return all;
    }

    private Uni<Void> deadLetter(ConsumerRecord<String, String> record, String problem) {
        return deadLetters.send(record, problem)
                .invoke(() -> Log.warnf("session event at %s-%d@%d dead-lettered: %s", record.topic(),
                        record.partition(), record.offset(), LogText.escape(problem)))
                .invoke(() -> registry.counter(METRIC, "outcome", DEAD_LETTER).increment());
    }

    // counted once the batch committed: a retried batch must not count twice
    private void report(List<EventOutcome> outcomes) {
        for (EventOutcome outcome : outcomes) {
            registry.counter(METRIC, "outcome", outcome.outcome()).increment();
            if (outcome.warns()) {
                Log.warnf("session event %s of session %s: %s (%s)", LogText.escape(outcome.eventId()),
                        LogText.escape(outcome.sessionId()),
                        outcome.outcome(), outcome.detail());
            }
        }
    }

    private static Uni<Void> all(List<Uni<Void>> sends) {
        return sends.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(sends).andFailFast().replaceWithVoid();
    }
}
