package ai.persona.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** What other systems see on a topic: every record of one user, read from the beginning by a fresh consumer group. */
final class Topics {

    private Topics() {
    }

    /**
     * Writes a copy of a record, its headers too (so its CloudEvents source is the original producer's, which consumers
     * check), as a replay would; acknowledged by the broker before this returns.
     */
    static void replay(String bootstrap, ConsumerRecord<String, String> original) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(original.topic(), null, original.key(), original.value(),
                    original.headers())).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + original.topic(), e);
        }
    }

    static List<ConsumerRecord<String, String>> recordsOf(String bootstrap, String topic, String userId) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(4).toNanos();
            int quietPolls = 0;
            while (System.nanoTime() < deadline && quietPolls < 3) {
                var batch = consumer.poll(Duration.ofMillis(400));
                quietPolls = batch.isEmpty() && !consumer.assignment().isEmpty() ? quietPolls + 1 : 0;
                batch.forEach(record -> {
                    if (userId.equals(record.key())) {
                        found.add(record);
                    }
                });
            }
        }
        return found;
    }
}
