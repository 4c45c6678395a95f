package ai.persona.updater.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import ai.persona.events.EventContract;
import ai.persona.events.RecordOrigin;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;

/**
 * Refuses a consumed record that its topic's producer in {@link EventContract} did not write (by its CloudEvents
 * source and type, {@link RecordOrigin}). A claim, not a proof: the broker's ACLs keep a hostile client off the topic.
 */
@ApplicationScoped
public class ProducerCheck {

    private final MeterRegistry registry;

    public ProducerCheck(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Throws, counted and logged, when the record's producer is not the topic's: the caller dead-letters it. */
    public void require(EventContract event, ConsumerRecord<String, String> record) {
        String problem = problem(event, record);
        if (problem != null) {
            registry.counter(RecordOrigin.METRIC, RecordOrigin.METRIC_TOPIC_TAG, record.topic()).increment();
            Log.warnf("refusing %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), problem);
            throw new InvalidEventException(problem);
        }
    }

    /** Without a count or a log line: for consumers beside another that dead-letters what they skip. */
    public boolean fromProducer(EventContract event, ConsumerRecord<String, String> record) {
        return problem(event, record) == null;
    }

    private static String problem(EventContract event, ConsumerRecord<String, String> record) {
        return RecordOrigin.problem(event, name -> {
            Header header = record.headers().lastHeader(name);
            return header == null ? null : header.value();
        });
    }
}
