package ai.persona.runtime.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import ai.persona.events.EventContract;
import ai.persona.events.RecordOrigin;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class ProducerCheckTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ProducerCheck check = new ProducerCheck(registry);
    private final EventContract event = EventContract.PERSONA_CHANGED;

    @Test
    void aRecordItsTopicsProducerWroteIsAccepted() {
        ConsumerRecord<String, String> record = record(event.producer().id(), event.cloudEventType());

        assertThat(check.problem(event, record)).isNull();
        assertThat(check.fromProducer(event, record)).isTrue();
        assertThat(refused()).isZero();
    }

    @Test
    void aRecordFromAnotherSourceIsRefusedAndCounted() {
        ConsumerRecord<String, String> record = record("someone-else", event.cloudEventType());

        assertThat(check.problem(event, record)).contains("someone-else");
        assertThatThrownBy(() -> check.require(event, record, IllegalStateException::new))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(event.producer().id());
        assertThat(refused()).isEqualTo(2);
    }

    @Test
    void theSilentCheckRefusesWithoutCounting() {
        assertThat(check.fromProducer(event, record(null, null))).isFalse();
        assertThat(refused()).isZero();
    }

    private double refused() {
        var counter = registry.find(RecordOrigin.METRIC).tag(RecordOrigin.METRIC_TOPIC_TAG, event.topic()).counter();
        return counter == null ? 0 : counter.count();
    }

    private ConsumerRecord<String, String> record(String source, String type) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(event.topic(), 0, 7, "u1", "{}");
        if (source != null) {
            record.headers().add(RecordOrigin.SOURCE_HEADER, source.getBytes(StandardCharsets.UTF_8));
        }
        if (type != null) {
            record.headers().add(RecordOrigin.TYPE_HEADER, type.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }
}
