package ai.persona.session;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.eclipse.microprofile.reactive.messaging.Message;

import ai.persona.events.EventContract;
import ai.persona.events.RecordOrigin;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;

/**
 * The test profile of the consumers' component tests: every channel of session-service on SmallRye's in-memory
 * connector, so a test hands a consumer the very record it wants (headers included) and reads what it sent, without a
 * broker in between. One profile for all of them: one more application start in the module's run. The real-Kafka
 * tests (PatchConsumerTest, SessionEventsTest) cover the connector's own part: offsets, retries, its dead-letter queue.
 */
public class InMemoryChannels implements QuarkusTestProfile {

    public static final String PATCHES = "persona-patches";
    public static final String SESSION_EVENTS = "session-events";
    public static final String PERSONA_CHANGED = "persona-changed";
    public static final String DEAD_LETTERS = "dead-letters";
    public static final String COMPLETED = "conversations-completed";

    @Override
    public Map<String, String> getConfigOverrides() {
        // written out rather than InMemoryConnector.switch...ToInMemory, which also sets system properties that would
        // outlive this profile and move the next test classes' channels off Kafka
        return Map.of(
                "mp.messaging.incoming." + PATCHES + ".connector", InMemoryConnector.CONNECTOR,
                "mp.messaging.incoming." + SESSION_EVENTS + ".connector", InMemoryConnector.CONNECTOR,
                "mp.messaging.outgoing." + PERSONA_CHANGED + ".connector", InMemoryConnector.CONNECTOR,
                "mp.messaging.outgoing." + DEAD_LETTERS + ".connector", InMemoryConnector.CONNECTOR,
                "mp.messaging.outgoing." + COMPLETED + ".connector", InMemoryConnector.CONNECTOR);
    }

    /** A record as the topic's own producer writes it (its CloudEvents source and type). */
    public static ConsumerRecord<String, String> record(EventContract event, String key, String value) {
        return recordFrom(event.producer().id(), event, key, value);
    }

    /** A record claiming {@code source} as its producer. */
    public static ConsumerRecord<String, String> recordFrom(String source, EventContract event, String key,
            String value) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", "1.0".getBytes(UTF_8));
        headers.add("ce_id", UUID.randomUUID().toString().getBytes(UTF_8));
        headers.add(RecordOrigin.SOURCE_HEADER, source.getBytes(UTF_8));
        headers.add(RecordOrigin.TYPE_HEADER, event.cloudEventType().getBytes(UTF_8));
        return new ConsumerRecord<>(event.topic(), 0, 0L, System.currentTimeMillis(), TimestampType.CREATE_TIME,
                -1, -1, key, value, headers, Optional.empty());
    }

    /** The message a consumer gets, and what it answered: acknowledged, or refused with a reason. */
    public record Delivery<T>(Message<T> message, CompletableFuture<Throwable> outcome) {

        /** Completes with null once acknowledged, with the reason once refused. */
        public static <T> Delivery<T> of(T payload) {
            CompletableFuture<Throwable> outcome = new CompletableFuture<>();
            Message<T> message = Message.of(payload)
                    .withAck(() -> {
                        outcome.complete(null);
                        return CompletableFuture.completedFuture(null);
                    })
                    .withNack(reason -> {
                        outcome.complete(reason);
                        return CompletableFuture.completedFuture(null);
                    });
            return new Delivery<>(message, outcome);
        }
    }
}
