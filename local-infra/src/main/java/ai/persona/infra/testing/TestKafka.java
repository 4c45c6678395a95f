package ai.persona.infra.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import ai.persona.events.EventContract;
import ai.persona.events.RecordOrigin;

/**
 * Plain Kafka clients for tests against a real broker: what another system sends (with the CloudEvents source and type
 * of the topic's producer in the events contract, which consumers check), and what it would see on a topic. A read takes
 * the topic's end offsets when it starts and returns once it has read up to them: everything acknowledged before the
 * call, nothing less, never "whatever arrived within a few seconds". A test waiting for something still to come polls
 * with Awaitility around the read.
 */
public final class TestKafka {

    /** Not a window for the result: only how long a broker may stay unreachable before the read fails. */
    private static final Duration BROKER_TIMEOUT = Duration.ofSeconds(30);

    private final Supplier<Map<String, Object>> clientConfig;

    private TestKafka(Supplier<Map<String, Object>> clientConfig) {
        this.clientConfig = clientConfig;
    }

    public static TestKafka at(String bootstrapServers) {
        return new TestKafka(() -> Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** A broker that authenticates: its bootstrap servers and a login, as {@code PersistentKafkaBroker.clientConfig} gives. */
    public static TestKafka with(Map<String, Object> clientConfig) {
        Map<String, Object> config = Map.copyOf(clientConfig);
        return new TestKafka(() -> config);
    }

    /** The broker of the Quarkus application under test ({@code kafka.bootstrap.servers}), looked up at each call. */
    public static TestKafka ofConfig() {
        return new TestKafka(() -> Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class)));
    }

    public String bootstrapServers() {
        return String.valueOf(clientConfig.get().get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG));
    }

    /** Sends as the topic's producer in the contract would; acknowledged by the broker when this returns. A null value is a tombstone. */
    public void send(String topic, String key, String value) {
        sendFrom(producerOf(topic), topic, key, value);
    }

    /** Sends with {@code source} as the CloudEvents source (and the topic's type): another producer's claim. */
    public void sendFrom(String source, String topic, String key, String value) {
        sendRecords(List.of(withHeaders(source, topic, key, value)));
    }

    /** Sends all values under one key in one burst (likely consumed in one poll), as the topic's producer. */
    public void sendAll(String topic, String key, List<String> values) {
        sendAll(topic, values.stream().map(value -> Map.entry(key, value)).toList());
    }

    /** Sends all key/value pairs in one burst, in order, as the topic's producer. */
    public void sendAll(String topic, List<Map.Entry<String, String>> records) {
        String source = producerOf(topic);
        sendRecords(records.stream().map(r -> withHeaders(source, topic, r.getKey(), r.getValue())).toList());
    }

    /** Writes a copy of a record, headers included (so its CloudEvents source is the original producer's), as a replay would. */
    public void replay(ConsumerRecord<String, String> original) {
        sendRecords(List.of(new ProducerRecord<>(original.topic(), null, original.key(), original.value(),
                original.headers())));
    }

    /** Every record of the topic, partition by partition, up to its end offsets as they are when the call starts. */
    public List<ConsumerRecord<String, String>> records(String topic) {
        Properties props = new Properties();
        props.putAll(clientConfig.get());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, BROKER_TIMEOUT).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, BROKER_TIMEOUT);
            long deadline = System.nanoTime() + BROKER_TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end offsets " + end);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(found::add);
            }
        }
        return found;
    }

    /** The records of the topic with this key (values may be null: tombstones), up to its end offsets. */
    public List<ConsumerRecord<String, String>> records(String topic, String key) {
        return records(topic).stream().filter(record -> key.equals(record.key())).toList();
    }

    /** The value of the record's last header of that name, or null. */
    public static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private void sendRecords(List<ProducerRecord<String, String>> records) {
        Properties props = new Properties();
        props.putAll(clientConfig.get());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "50");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            List<Future<RecordMetadata>> acks = records.stream().map(producer::send).toList();
            for (Future<RecordMetadata> ack : acks) {
                ack.get(BROKER_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not send to " + records.get(0).topic(), e);
        }
    }

    private static String producerOf(String topic) {
        return EventContract.ofTopic(topic).producer().id();
    }

    private static ProducerRecord<String, String> withHeaders(String source, String topic, String key, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8))
                .add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8))
                .add(RecordOrigin.SOURCE_HEADER, source.getBytes(StandardCharsets.UTF_8))
                .add(RecordOrigin.TYPE_HEADER, EventContract.ofTopic(topic).cloudEventType().getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
