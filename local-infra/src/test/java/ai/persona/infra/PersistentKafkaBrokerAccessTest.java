package ai.persona.infra;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import ai.persona.events.EventContract;
import ai.persona.events.KafkaAccess;
import ai.persona.events.PersonaService;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The local broker lets each service do what the event contract gives it, as the deployed one does, and nothing else. */
class PersistentKafkaBrokerAccessTest {

    private static final String SESSION_EVENTS = EventContract.SESSION_EVENT.topic();
    private static final String COMPLETED = EventContract.CONVERSATION_COMPLETED.topic();
    private static final String PATCHES = EventContract.PERSONA_PATCH_PROPOSED.topic();

    @TempDir
    static Path dataDir;
    private static PersistentKafkaBroker broker;

    @BeforeAll
    static void start() {
        broker = PersistentKafkaBroker.start(0, dataDir);
        broker.createTopics(Stream.of(EventContract.values()).map(e -> TopicSpec.of(e.topic(), 1)).toArray(TopicSpec[]::new));
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    @Test
    void aClientWithoutCredentialsIsNeverLetPastTheHandshake() {
        Map<String, Object> anonymous = new HashMap<>(Map.of(
                CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000));
        try (KafkaProducer<String, String> producer = KafkaClients.producer(anonymous)) {
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> producer.send(new ProducerRecord<>(SESSION_EVENTS, "u", "v")).get());
            // the broker closes a connection that sends anything but a SASL handshake: no metadata, ever
            assertInstanceOf(TimeoutException.class, e.getCause());
        }
    }

    @Test
    void aServiceWithAWrongPasswordIsRefused() {
        Map<String, Object> wrong = broker.clientConfig("chat-gateway");
        wrong.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.scram.ScramLoginModule required "
                + "username=\"chat-gateway\" password=\"guessed\";");
        try (KafkaProducer<String, String> producer = KafkaClients.producer(wrong)) {
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> producer.send(new ProducerRecord<>(SESSION_EVENTS, "u", "v")).get());
            assertInstanceOf(SaslAuthenticationException.class, e.getCause());
        }
    }

    @Test
    void theGatewayWritesSessionEventsButNotTheUpdatersPatches() throws Exception {
        try (KafkaProducer<String, String> producer = KafkaClients.producer(broker.clientConfig("chat-gateway"))) {
            assertEquals(SESSION_EVENTS, producer.send(new ProducerRecord<>(SESSION_EVENTS, "u", "said")).get().topic());
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> producer.send(new ProducerRecord<>(PATCHES, "u", "forged")).get());
            assertInstanceOf(TopicAuthorizationException.class, e.getCause());
        }
    }

    @Test
    void theUpdaterReadsItsTopicsWithItsOwnGroupButNotAnotherServicesGroup() throws Exception {
        try (KafkaProducer<String, String> producer = KafkaClients.producer(broker.clientConfig("session-service"))) {
            producer.send(new ProducerRecord<>(COMPLETED, "u", "done")).get();
        }
        Set<String> reads = KafkaAccess.of(PersonaService.PERSONA_UPDATER).reads();
        try (KafkaConsumer<String, String> consumer = consumer("persona-updater", "persona-updater")) {
            consumer.subscribe(reads);
            List<String> read = readToEnd(consumer, reads.stream().map(topic -> new TopicPartition(topic, 0)).toList());
            assertTrue(read.contains(COMPLETED + ": done"), read.toString());
            // committing its offsets is what Read on its group is for
            consumer.commitSync();
            assertEquals(Set.copyOf(reads), consumer.committed(consumer.assignment()).keySet().stream()
                    .map(TopicPartition::topic).collect(Collectors.toSet()));
        }
        try (KafkaConsumer<String, String> consumer = consumer("persona-updater", "session-service")) {
            consumer.subscribe(List.of(COMPLETED));
            assertThrows(GroupAuthorizationException.class, () -> consumer.poll(Duration.ofSeconds(5)));
        }
    }

    @Test
    void eachServiceHasExactlyTheAclsItsContractGives() throws Exception {
        Set<AclBinding> expected = new HashSet<>();
        for (PersonaService service : PersonaService.values()) {
            expected.addAll(KafkaUsers.acls(KafkaAccess.of(service)));
        }
        try (Admin admin = Admin.create(broker.clientConfig(KafkaLogins.ADMIN))) {
            assertEquals(expected, new HashSet<>(admin.describeAcls(AclBindingFilter.ANY).values().get()));
        }
        assertEquals(PosixFilePermissions.fromString("rw-------"),
                Files.getPosixFilePermissions(broker.logins().file()));
    }

    static KafkaConsumer<String, String> consumer(String user, String group) {
        Map<String, Object> config = broker.clientConfig(user);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    /** Polls the subscribed consumer until it is at the partitions' end offsets as they were when the read started. */
    static List<String> readToEnd(KafkaConsumer<String, String> consumer, List<TopicPartition> partitions) {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        List<String> values = new ArrayList<>();
        for (int polls = 0; !consumer.assignment().containsAll(partitions)
                || partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)); polls++) {
            if (polls == 60) {
                throw new IllegalStateException("not at the end offsets " + end + " after 60 polls");
            }
            consumer.poll(Duration.ofMillis(500)).forEach(record -> values.add(record.topic() + ": " + record.value()));
        }
        return values;
    }
}
