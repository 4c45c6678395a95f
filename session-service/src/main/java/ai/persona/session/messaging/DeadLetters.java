package ai.persona.session.messaging;

import static java.nio.charset.StandardCharsets.UTF_8;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import ai.persona.events.EventContract;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue;

/**
 * Sends one record of a batch to the dead-letter topic, as received, with the headers the connector's own dead-letter
 * queue writes (reason, original topic, partition, offset): a batch consumer cannot nack one record of its batch, and
 * an operator replays dead letters of either origin the same way.
 */
@ApplicationScoped
public class DeadLetters {

    private final MutinyEmitter<Record<String, String>> emitter;

    public DeadLetters(@Channel("dead-letters") MutinyEmitter<Record<String, String>> emitter) {
        this.emitter = emitter;
    }

    /** Completes once the broker acknowledged the dead letter, so the offset of its record can be committed. */
    public Uni<Void> send(ConsumerRecord<String, String> record, String reason) {
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.add(KafkaDeadLetterQueue.DEAD_LETTER_REASON, reason.getBytes(UTF_8));
        headers.add(KafkaDeadLetterQueue.DEAD_LETTER_TOPIC, record.topic().getBytes(UTF_8));
        headers.add(KafkaDeadLetterQueue.DEAD_LETTER_PARTITION, Integer.toString(record.partition()).getBytes(UTF_8));
        headers.add(KafkaDeadLetterQueue.DEAD_LETTER_OFFSET, Long.toString(record.offset()).getBytes(UTF_8));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(EventContract.DEAD_LETTER_TOPIC)
                .withHeaders(headers)
                .build();
        return emitter.sendMessage(Message.of(Record.of(record.key(), record.value())).addMetadata(metadata));
    }
}
