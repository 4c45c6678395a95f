package ai.persona.infra;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import ai.persona.infra.testing.TestKafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Plain kafka-clients calls the broker tests share. */
final class KafkaClients {

    private KafkaClients() {
    }

    static KafkaProducer<String, String> producer(String bootstrapServers) {
        return producer(at(bootstrapServers));
    }

    /** With the bootstrap servers and whatever login the broker wants. */
    static KafkaProducer<String, String> producer(Map<String, Object> clientConfig) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        return new KafkaProducer<>(config);
    }

    static void send(String bootstrapServers, String topic, String key, String value) throws Exception {
        try (KafkaProducer<String, String> producer = producer(bootstrapServers)) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(10, TimeUnit.SECONDS);
        }
    }

    /** For a send issued while the broker is down: {@code send()} itself may block on metadata then. */
    static RecordMetadata sendAndWait(KafkaProducer<String, String> producer, String topic, String value) {
        try {
            return producer.send(new ProducerRecord<>(topic, "k", value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every value of the topic, read to its end offsets with the shared reader of the tests; there must be {@code expected}. */
    static List<String> consumeValues(String bootstrapServers, String topic, int expected) {
        return consumeValues(at(bootstrapServers), topic, expected);
    }

    static List<String> consumeValues(Map<String, Object> clientConfig, String topic, int expected) {
        List<String> values = TestKafka.with(clientConfig).records(topic).stream().map(ConsumerRecord::value).toList();
        assertEquals(expected, values.size(), "records consumed from " + topic + ": " + values);
        return values;
    }

    static String cleanupPolicy(String bootstrapServers, String topic) throws Exception {
        return cleanupPolicy(at(bootstrapServers), topic);
    }

    static String cleanupPolicy(Map<String, Object> clientConfig, String topic) throws Exception {
        try (Admin admin = Admin.create(clientConfig)) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            return admin.describeConfigs(Set.of(resource)).all().get().get(resource)
                    .get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
        }
    }

    static int partitions(String bootstrapServers, String topic) throws Exception {
        return partitions(at(bootstrapServers), topic);
    }

    static int partitions(Map<String, Object> clientConfig, String topic) throws Exception {
        try (Admin admin = Admin.create(clientConfig)) {
            return admin.describeTopics(Set.of(topic)).allTopicNames().get().get(topic).partitions().size();
        }
    }

    private static Map<String, Object> at(String bootstrapServers) {
        return Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    }
}
