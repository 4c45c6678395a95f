package ai.persona.infra;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import ai.persona.events.EventContract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class PersistentKafkaBrokerTest {

    @Test
    void wholeBrokerRestartsOnSamePortWithItsDataAndPendingSendsGetThrough(@TempDir Path dataDir) throws Exception {
        PersistentKafkaBroker first = PersistentKafkaBroker.start(0, dataDir);
        String address = first.bootstrapServers();
        int port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
        first.createTopics(TopicSpec.compacted("kept", 1));

        PersistentKafkaBroker second;
        Map<String, Object> admin = first.clientConfig(KafkaLogins.ADMIN);
        try (KafkaProducer<String, String> producer = KafkaClients.producer(admin)) {
            KafkaClients.sendAndWait(producer, "kept", "before");
            first.close();
            // a real outage this time: controller and broker are both gone
            CompletableFuture<RecordMetadata> during =
                    CompletableFuture.supplyAsync(() -> KafkaClients.sendAndWait(producer, "kept", "during"));
            Thread.sleep(1000);
            assertFalse(during.isDone(), "nothing can be acknowledged while the broker is down");
            second = PersistentKafkaBroker.start(port, dataDir);
            during.get(60, TimeUnit.SECONDS);
        }
        try (second) {
            assertEquals(address, second.bootstrapServers());
            assertEquals(List.of("before", "during"), KafkaClients.consumeValues(admin, "kept", 2));
            assertEquals("compact", KafkaClients.cleanupPolicy(admin, "kept"));
        }
    }

    @Test
    void aRestartOnTheSameDataKeepsEachServicesPasswordSoItsLoginStillWorks(@TempDir Path dataDir) throws Exception {
        String topic = EventContract.SESSION_EVENT.topic();
        Map<String, Object> gateway;
        KafkaLogins before;
        try (PersistentKafkaBroker first = PersistentKafkaBroker.start(0, dataDir)) {
            first.createTopics(TopicSpec.of(topic, 1));
            gateway = first.clientConfig("chat-gateway");
            before = first.logins();
        }
        try (PersistentKafkaBroker second = PersistentKafkaBroker.start(0, dataDir);
             KafkaProducer<String, String> producer = KafkaClients.producer(withAddress(gateway, second))) {
            assertEquals(before.users(), second.logins().users());
            for (String user : before.users()) {
                assertEquals(before.password(user), second.logins().password(user), user);
            }
            assertEquals(topic, KafkaClients.sendAndWait(producer, topic, "after restart").topic());
        }
    }

    // a port picked afresh, so only the login is what the first start handed out
    private static Map<String, Object> withAddress(Map<String, Object> config, PersistentKafkaBroker broker) {
        Map<String, Object> moved = new HashMap<>(config);
        moved.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        return moved;
    }
}
