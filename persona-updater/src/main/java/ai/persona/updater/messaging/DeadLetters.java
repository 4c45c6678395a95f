package ai.persona.updater.messaging;

import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_CAUSE;
import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_CAUSE_CLASS_NAME;
import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_EXCEPTION_CLASS_NAME;
import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_OFFSET;
import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_PARTITION;
import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_REASON;
import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_TOPIC;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Sends consumed records that cannot be read to the dead-letter topic, with the headers the connector's dead-letter
 * strategy writes, so the topic reads the same whichever sent a record. Needed where records are consumed in batches:
 * failing a batch would dead-letter every record in it, the readable ones too.
 */
@ApplicationScoped
public class DeadLetters {

    /** A record and why it cannot be read. */
    public record Unreadable(ConsumerRecord<String, String> record, InvalidEventException reason) {
    }

    private final MutinyEmitter<String> emitter;

    public DeadLetters(@Channel("dead-letters") MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    /** Completes once the broker acknowledged every one; sent one at a time, so no burst overflows the emitter. */
    public Uni<Void> send(List<Unreadable> unreadable) {
        return Multi.createFrom().iterable(unreadable)
                .onItem().transformToUniAndConcatenate(this::send)
                .collect().last()
                .replaceWithVoid();
    }

    private Uni<Void> send(Unreadable unreadable) {
        ConsumerRecord<String, String> record = unreadable.record();
        Throwable reason = unreadable.reason();
        List<RecordHeader> headers = new ArrayList<>();
        headers.add(header(DEAD_LETTER_EXCEPTION_CLASS_NAME, reason.getClass().getName()));
        headers.add(header(DEAD_LETTER_REASON, message(reason)));
        if (reason.getCause() != null) {
            headers.add(header(DEAD_LETTER_CAUSE_CLASS_NAME, reason.getCause().getClass().getName()));
            headers.add(header(DEAD_LETTER_CAUSE, message(reason.getCause())));
        }
        headers.add(header(DEAD_LETTER_TOPIC, record.topic()));
        headers.add(header(DEAD_LETTER_PARTITION, Integer.toString(record.partition())));
        headers.add(header(DEAD_LETTER_OFFSET, Long.toString(record.offset())));
        record.headers().forEach(h -> headers.add(new RecordHeader(h.key(), h.value())));
        return emitter.sendMessage(Message.of(record.value())
                .addMetadata(OutgoingKafkaRecordMetadata.<String> builder()
                        .withKey(record.key())
                        .withHeaders(headers)
                        .build()));
    }

    private static RecordHeader header(String key, String value) {
        return new RecordHeader(key, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String message(Throwable t) {
        return t.getMessage() != null ? t.getMessage() : t.toString();
    }
}
