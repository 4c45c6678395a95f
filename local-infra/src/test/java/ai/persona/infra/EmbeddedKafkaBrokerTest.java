package ai.persona.infra;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static ai.persona.infra.KafkaClients.consumeValues;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class EmbeddedKafkaBrokerTest {

    private static EmbeddedKafkaBroker kafka;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafkaBroker.start();
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @Test
    void producedRecordsCanBeConsumed() throws Exception {
        kafka.createTopics(TopicSpec.of("round-trip", 3));
        KafkaClients.send(kafka.bootstrapServers(), "round-trip", "user-1", "hello");
        assertEquals(List.of("hello"), consumeValues(kafka.bootstrapServers(), "round-trip", 1));
    }

    @Test
    void compactedTopicGetsItsCleanupPolicyAndPartitions() throws Exception {
        kafka.createTopics(TopicSpec.compacted("snapshots", 2), TopicSpec.of("plain", 1));
        // creating again must be harmless: every test class declares the topics it needs
        kafka.createTopics(TopicSpec.compacted("snapshots", 2));
        String servers = kafka.bootstrapServers();
        assertEquals(TopicConfig.CLEANUP_POLICY_COMPACT, KafkaClients.cleanupPolicy(servers, "snapshots"));
        assertEquals(TopicConfig.CLEANUP_POLICY_DELETE, KafkaClients.cleanupPolicy(servers, "plain"));
        assertEquals(2, KafkaClients.partitions(servers, "snapshots"));
    }

    @Test
    void recordSentWhileBrokerIsDownIsDeliveredAfterRestartOnSamePort() throws Exception {
        kafka.createTopics(TopicSpec.of("outage", 1));
        String addressBefore = kafka.bootstrapServers();
        try (KafkaProducer<String, String> producer = KafkaClients.producer(addressBefore)) {
            KafkaClients.sendAndWait(producer, "outage", "before");
            kafka.stopBroker();
            CompletableFuture<RecordMetadata> during =
                    CompletableFuture.supplyAsync(() -> KafkaClients.sendAndWait(producer, "outage", "during"));
            Thread.sleep(1000);
            assertFalse(during.isDone(), "nothing can be acknowledged while the broker is down");
            kafka.startBroker();
            during.get(60, TimeUnit.SECONDS);
        }
        assertEquals(addressBefore, kafka.bootstrapServers());
        assertEquals(List.of("before", "during"), consumeValues(addressBefore, "outage", 2));
    }
}
