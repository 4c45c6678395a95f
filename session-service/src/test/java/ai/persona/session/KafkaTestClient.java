package ai.persona.session;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.eclipse.microprofile.config.ConfigProvider;

import ai.persona.events.EventContract;
import ai.persona.events.RecordOrigin;

/** Plain Kafka clients against the test broker: what other systems would see on the topics. */
public final class KafkaTestClient {

    private KafkaTestClient() {
    }

    public static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    /** Sends as the topic's producer in the contract would, with its CloudEvents source and type. */
    public static void send(String topic, String key, String value) {
        EventContract event = EventContract.ofTopic(topic);
        sendFrom(event.producer().id(), topic, key, value);
    }

    /** Sends with {@code source} as the CloudEvents source (and the topic's type): another producer's claim. */
    public static void sendFrom(String source, String topic, String key, String value) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            producer.send(record(source, topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProducerRecord<String, String> record(String source, String topic, String key, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8))
                .add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8))
                .add(RecordOrigin.SOURCE_HEADER, source.getBytes(StandardCharsets.UTF_8))
                .add(RecordOrigin.TYPE_HEADER, EventContract.ofTopic(topic).cloudEventType().getBytes(StandardCharsets.UTF_8));
        return record;
    }

    public static void sendAll(String topic, List<Map.Entry<String, String>> records) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            String source = EventContract.ofTopic(topic).producer().id();
            records.forEach(r -> producer.send(record(source, topic, r.getKey(), r.getValue())));
            producer.flush();
        }
    }

    /** Every record on the topic with this key, from the beginning (values may be null: tombstones). */
    public static List<ConsumerRecord<String, String>> recordsFor(String topic, String key) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            int emptyPolls = 0;
            while (System.nanoTime() < deadline && (found.isEmpty() || emptyPolls < 2)) {
                var batch = consumer.poll(Duration.ofMillis(300));
                emptyPolls = batch.isEmpty() ? emptyPolls + 1 : 0;
                batch.forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
            }
        }
        return found;
    }
}
