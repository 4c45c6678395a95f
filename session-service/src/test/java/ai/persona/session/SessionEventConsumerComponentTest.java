package ai.persona.session;

import static ai.persona.session.InMemoryChannels.record;
import static ai.persona.session.InMemoryChannels.recordFrom;
import static ai.persona.session.SessionEventsTest.ended;
import static ai.persona.session.SessionEventsTest.json;
import static ai.persona.session.SessionEventsTest.messages;
import static ai.persona.session.SessionEventsTest.said;
import static ai.persona.session.SessionEventsTest.session;
import static ai.persona.session.SessionEventsTest.user;
import static io.restassured.RestAssured.given;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;
import org.junit.jupiter.api.Test;

import ai.persona.events.ConversationCompleted;
import ai.persona.events.EventContract;
import ai.persona.events.MessageRole;
import ai.persona.events.SessionEvent;
import ai.persona.session.InMemoryChannels.Delivery;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.Record;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySource;

/**
 * SessionEventConsumer on in-memory channels ({@link InMemoryChannels}), one poll handed to it exactly as a test
 * composes it: what a batch stores, dead-letters and publishes, whatever the broker would have batched together.
 */
@QuarkusTest
@TestProfile(InMemoryChannels.class)
class SessionEventConsumerComponentTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final EventContract EVENT = EventContract.SESSION_EVENT;

    @Inject
    @Connector(InMemoryConnector.CONNECTOR)
    InMemoryConnector channels;

    @Test
    void aForgottenMarkerInsideOneBatchDeletesWhatCameBeforeItAndKeepsWhatCameAfter() {
        String userId = user();
        String before = session();
        String after = session();
        Delivery<ConsumerRecords<String, String>> batch = deliver(
                record(EVENT, userId, messages(userId, before, Instant.now(), null, said(MessageRole.USER, "删掉我"))),
                record(EVENT, userId, json(SessionEvent.forgotten("e-" + UUID.randomUUID(), userId, Instant.now()))),
                record(EVENT, userId, messages(userId, after, Instant.now().plusSeconds(1), null,
                        said(MessageRole.USER, "我回来了"))));

        assertThat(batch.outcome()).succeedsWithin(WAIT).isNull();
        given().get("/users/{u}/sessions", userId).then().statusCode(200).body("items.id", contains(after));
        given().get("/users/{u}/sessions/{s}", userId, before).then().statusCode(404);
    }

    @Test
    void unreadableAndForgedRecordsAreDeadLetteredOneByOneAndTheRestOfTheBatchIsStored() {
        String userId = user();
        String sessionId = session();
        String forged = json(SessionEvent.forgotten("e-" + UUID.randomUUID(), userId, Instant.now()));
        Delivery<ConsumerRecords<String, String>> batch = deliver(
                record(EVENT, userId, messages(userId, sessionId, Instant.now(), null, said(MessageRole.USER, "前"))),
                record(EVENT, userId, "{this is not json"),
                recordFrom("persona-updater", EVENT, userId, forged),
                record(EVENT, userId, messages(userId, sessionId, Instant.now(), null, said(MessageRole.USER, "后"))));

        assertThat(batch.outcome()).succeedsWithin(WAIT).isNull();
        given().get("/users/{u}/sessions/{s}", userId, sessionId).then().statusCode(200)
                .body("messages.content", contains("前", "后"));
        List<Message<?>> dead = sentFor(InMemoryChannels.DEAD_LETTERS, userId);
        assertThat(dead).extracting(message -> (String) ((Record<?, ?>) message.getPayload()).value())
                .containsExactly("{this is not json", forged);
        assertThat(dead).extracting(message -> header(message, "dead-letter-reason")).element(1)
                .isEqualTo("ce_source 'persona-updater' is not chat-gateway, the only producer of " + EVENT.topic());
        assertThat(dead).extracting(message -> header(message, "dead-letter-topic")).containsOnly(EVENT.topic());
        assertThat(dead).extracting(message -> header(message, "ce_source")).containsExactly("chat-gateway",
                "persona-updater");
    }

    @Test
    void aSessionEndedInTheBatchGoesOutAsOneConversationCompletedKeyedByItsUser() throws Exception {
        String userId = user();
        String sessionId = session();
        Instant start = Instant.now();
        Delivery<ConsumerRecords<String, String>> batch = deliver(
                record(EVENT, userId, messages(userId, sessionId, start, null, said(MessageRole.USER, "记住我喜欢绿茶"),
                        said(MessageRole.ASSISTANT, "好的"))),
                record(EVENT, userId, ended(userId, sessionId, start.plusSeconds(5))));

        assertThat(batch.outcome()).succeedsWithin(WAIT).isNull();
        await().atMost(WAIT).until(() -> !sentFor(InMemoryChannels.COMPLETED, userId).isEmpty());
        Message<?> sent = sentFor(InMemoryChannels.COMPLETED, userId).get(0);
        ConversationCompleted completed = SealedRecords.opened((String) sent.getPayload());
        assertThat(completed.sessionId()).isEqualTo(sessionId);
        assertThat(completed.messages()).extracting(message -> message.content()).containsExactly("记住我喜欢绿茶", "好的");
        assertThat(sentFor(InMemoryChannels.COMPLETED, userId)).hasSize(1);
    }

    @SafeVarargs
    private Delivery<ConsumerRecords<String, String>> deliver(ConsumerRecord<String, String>... records) {
        ConsumerRecords<String, String> poll = new ConsumerRecords<>(
                Map.of(new TopicPartition(EVENT.topic(), 0), List.of(records)), Map.of());
        Delivery<ConsumerRecords<String, String>> delivery = Delivery.of(poll);
        // as the Kafka connector does: the consumer's transaction needs a Vert.x context
        InMemorySource<Message<ConsumerRecords<String, String>>> events = channels
                .<Message<ConsumerRecords<String, String>>>source(InMemoryChannels.SESSION_EVENTS)
                .runOnVertxContext(true);
        events.send(delivery.message());
        return delivery;
    }

    /** What the channel sent for the user: keyed by user id, as a Kafka record or by its metadata. */
    private List<Message<?>> sentFor(String channel, String userId) {
        return channels.<Object>sink(channel).received().stream()
                .filter(message -> userId.equals(keyOf(message)))
                .<Message<?>>map(message -> message)
                .toList();
    }

    private static Object keyOf(Message<?> message) {
        if (message.getPayload() instanceof Record<?, ?> record) {
            return record.key();
        }
        return message.getMetadata(OutgoingKafkaRecordMetadata.class).map(OutgoingKafkaRecordMetadata::getKey)
                .orElse(null);
    }

    private static String header(Message<?> message, String name) {
        return message.getMetadata(OutgoingKafkaRecordMetadata.class)
                .map(metadata -> metadata.getHeaders().lastHeader(name))
                .map(header -> new String(header.value(), UTF_8))
                .orElse(null);
    }
}
