package ai.persona.runtime.messaging;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import ai.persona.events.EventContract;
import ai.persona.events.RecordOrigin;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;

/**
 * Refuses a consumed record that its topic's producer in {@link EventContract} did not write (by its CloudEvents
 * source and type, {@link RecordOrigin}): counted and logged here, dead-lettered (or skipped) by the consumer. A claim,
 * not a proof: the broker's ACLs keep a hostile client off the topic.
 */
@ApplicationScoped
public class ProducerCheck {

    private final MeterRegistry registry;

    public ProducerCheck(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Why the record is refused, counted and logged, or null when its producer is the topic's. */
    public String problem(EventContract event, ConsumerRecord<String, String> record) {
        String problem = origin(event, record);
        if (problem != null) {
            registry.counter(RecordOrigin.METRIC, RecordOrigin.METRIC_TOPIC_TAG, record.topic()).increment();
            Log.warnf("refusing %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), problem);
        }
        return problem;
    }

    /** Throws the consumer's own refusal, made from {@link #problem}'s reason, when the producer is not the topic's. */
    public <X extends RuntimeException> void require(EventContract event, ConsumerRecord<String, String> record,
            Function<String, X> refusal) {
        String problem = problem(event, record);
        if (problem != null) {
            throw refusal.apply(problem);
        }
    }

    /** Without a count or a log line: for consumers beside another that dead-letters what they skip. */
    public boolean fromProducer(EventContract event, ConsumerRecord<String, String> record) {
        return origin(event, record) == null;
    }

    private static String origin(EventContract event, ConsumerRecord<String, String> record) {
        return RecordOrigin.problem(event, name -> {
            Header header = record.headers().lastHeader(name);
            return header == null ? null : header.value();
        });
    }
}
