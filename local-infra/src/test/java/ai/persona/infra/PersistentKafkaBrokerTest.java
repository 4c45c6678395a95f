package ai.persona.infra;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

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
        try (KafkaProducer<String, String> producer = KafkaClients.producer(address)) {
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
            assertEquals(List.of("before", "during"), KafkaClients.consumeValues(address, "kept", 2));
            assertEquals("compact", KafkaClients.cleanupPolicy(address, "kept"));
        }
    }
}
