package ai.persona.infra;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import ai.persona.events.EventContract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
    void aRestartKeepsEachServicesPasswordAndTakesBackAnAclTheContractDoesNotGive(@TempDir Path dataDir) throws Exception {
        String topic = EventContract.SESSION_EVENT.topic();
        String patches = EventContract.PERSONA_PATCH_PROPOSED.topic();
        AclBinding stray = new AclBinding(new ResourcePattern(ResourceType.TOPIC, patches, PatternType.LITERAL),
                new AccessControlEntry("User:chat-gateway", "*", AclOperation.WRITE, AclPermissionType.ALLOW));
        Map<String, Object> gateway;
        KafkaLogins before;
        try (PersistentKafkaBroker first = PersistentKafkaBroker.start(0, dataDir)) {
            first.createTopics(TopicSpec.of(topic, 1), TopicSpec.of(patches, 1));
            try (Admin admin = Admin.create(first.clientConfig(KafkaLogins.ADMIN))) {
                admin.createAcls(List.of(stray)).all().get();
            }
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
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> producer.send(new ProducerRecord<>(patches, "u", "forged")).get());
            assertInstanceOf(TopicAuthorizationException.class, e.getCause());
        }
    }

    // a port picked afresh, so only the login is what the first start handed out
    private static Map<String, Object> withAddress(Map<String, Object> config, PersistentKafkaBroker broker) {
        Map<String, Object> moved = new HashMap<>(config);
        moved.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        return moved;
    }
}
