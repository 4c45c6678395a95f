package ai.persona.session;

import static ai.persona.session.SessionEventsTest.WAIT;
import static ai.persona.session.SessionEventsTest.contents;
import static ai.persona.session.SessionEventsTest.ended;
import static ai.persona.session.SessionEventsTest.header;
import static ai.persona.session.SessionEventsTest.messages;
import static ai.persona.session.SessionEventsTest.publish;
import static ai.persona.session.SessionEventsTest.said;
import static ai.persona.session.SessionEventsTest.stored;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import ai.persona.events.ChatMessage;
import ai.persona.events.ConversationCompleted;
import ai.persona.events.EventContract;
import ai.persona.events.MessageRole;
import ai.persona.infra.testing.TestKafka;
import ai.persona.session.service.Completions;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** Ended sessions, by an event or by the idle job, published as ConversationCompleted by session-service itself. */
@QuarkusTest
class CompletionRelayTest {

    private static final TestKafka KAFKA = TestKafka.ofConfig();

    private static final String COMPLETED = EventContract.CONVERSATION_COMPLETED.topic();

    @Inject
    Pool pool;

    @Test
    void anEndedSessionIsPublishedOnceWithAllItsMessagesAndLateMessagesAreNotStored() throws Exception {
        String userId = SessionEventsTest.user();
        String sessionId = SessionEventsTest.session();
        String marker = SessionEventsTest.session();
        Instant start = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant end = start.plusSeconds(30);
        publish(userId,
                messages(userId, sessionId, start, null, said(MessageRole.USER, "记住我喜欢绿茶"),
                        said(MessageRole.ASSISTANT, "好的")),
                ended(userId, sessionId, end),
                messages(userId, sessionId, end.plusSeconds(1), null, said(MessageRole.USER, "太晚了")),
                messages(userId, marker, Instant.now(), null, said(MessageRole.USER, "标记")));

        await().atMost(WAIT).until(() -> stored(userId, marker) != null);
        assertThat(contents(userId, sessionId)).containsExactly("记住我喜欢绿茶", "好的");
        await().atMost(WAIT).until(() -> stored(userId, sessionId).getString("publishedAt") != null);
        given().get("/users/{u}/sessions/{s}", userId, sessionId).then()
                .body("endedAt", equalTo(end.toString()))
                .body("endReason", equalTo("explicit"))
                .body("messageCount", equalTo(2));
        given().get("/sessions/unpublished?limit=100").then().statusCode(200).body("id", not(hasItem(sessionId)));

        List<ConsumerRecord<String, String>> published = KAFKA.records(COMPLETED, userId);
        assertThat(published).hasSize(1);
        ConsumerRecord<String, String> record = published.get(0);
        assertThat(record.key()).isEqualTo(userId);
        assertThat(header(record, "ce_id")).isEqualTo(sessionId);
        assertThat(header(record, "ce_type")).isEqualTo(EventContract.CONVERSATION_COMPLETED.cloudEventType());
        assertThat(header(record, "ce_source")).isEqualTo("session-service");
        assertThat(header(record, "ce_subject")).isEqualTo(userId);
        ConversationCompleted completed = SealedRecords.opened(record);
        assertThat(completed.sessionId()).isEqualTo(sessionId);
        assertThat(completed.userId()).isEqualTo(userId);
        assertThat(completed.startedAt()).isEqualTo(start);
        assertThat(completed.endedAt()).isEqualTo(end);
        assertThat(completed.messages()).extracting(ChatMessage::role).containsExactly(MessageRole.USER,
                MessageRole.ASSISTANT);
        assertThat(completed.messages()).extracting(ChatMessage::content).containsExactly("记住我喜欢绿茶", "好的");
    }

    @Test
    void anIdleSessionIsEndedByTheJobAndPublished() throws Exception {
        String userId = SessionEventsTest.user();
        String sessionId = SessionEventsTest.session();
        // the test profile's idle timeout is a day (application.properties): this session's last message is older
        Instant lastSaid = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MICROS);
        publish(userId, messages(userId, sessionId, lastSaid, null, said(MessageRole.USER, "还在吗")));

        await().atMost(WAIT).until(() -> {
            var session = stored(userId, sessionId);
            return session != null && session.getString("publishedAt") != null;
        });
        given().get("/users/{u}/sessions/{s}", userId, sessionId).then()
                .body("endReason", equalTo("idle"))
                .body("lastActivityAt", equalTo(lastSaid.toString()))
                .body("messages.content", contains("还在吗"));
        List<ConsumerRecord<String, String>> published = KAFKA.records(COMPLETED, userId);
        assertThat(published).hasSize(1);
        ConversationCompleted completed = SealedRecords.opened(published.get(0));
        assertThat(completed.sessionId()).isEqualTo(sessionId);
        assertThat(completed.messages()).extracting(ChatMessage::content).containsExactly("还在吗");
    }

    @Test
    void aSessionTooLargeForOneRecordIsPublishedWithItsLatestMessagesAndHoldsUpNoOther() throws Exception {
        String userId = SessionEventsTest.user();
        String large = SessionEventsTest.session();
        String small = SessionEventsTest.session();
        Instant start = Instant.now().truncatedTo(ChronoUnit.MICROS);
        // 45 messages of 30,000 characters: 1.35 MB as JSON, over the 1 MiB a Kafka record may hold
        for (int part = 0; part < 5; part++) {
            ChatMessage[] said = new ChatMessage[9];
            for (int i = 0; i < said.length; i++) {
                int index = part * said.length + i;
                said[i] = said(index % 2 == 0 ? MessageRole.USER : MessageRole.ASSISTANT,
                        "第" + index + "条" + "x".repeat(30_000));
            }
            publish(userId, messages(userId, large, start.plusSeconds(part), part * said.length, said));
        }
        publish(userId, ended(userId, large, start.plusSeconds(10)),
                messages(userId, small, start.plusSeconds(11), null, said(MessageRole.USER, "小的")),
                ended(userId, small, start.plusSeconds(12)));

        await().atMost(WAIT).until(() -> stored(userId, large) != null && stored(userId, small) != null
                && stored(userId, large).getString("publishedAt") != null
                && stored(userId, small).getString("publishedAt") != null);
        given().get("/users/{u}/sessions/{s}", userId, large).then().body("messageCount", equalTo(45));

        List<ConsumerRecord<String, String>> published = KAFKA.records(COMPLETED, userId);
        assertThat(published).extracting(record -> header(record, "ce_id")).containsExactly(large, small);
        ConsumerRecord<String, String> record = published.get(0);
        assertThat(record.value().getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(900_000);
        List<String> kept = SealedRecords.opened(record).messages()
                .stream().map(ChatMessage::content).toList();
        assertThat(kept).hasSizeBetween(20, 44);
        assertThat(kept.get(kept.size() - 1)).startsWith("第44条");
        assertThat(kept.get(0)).startsWith("第" + (45 - kept.size()) + "条");
    }

    @Test
    void completedSessionIsListedAsUnpublishedUntilMarked() {
        String userId = SessionEventsTest.user();
        String sessionId = SessionApiTest.createSession(userId);
        SessionApiTest.say(userId, sessionId, "USER", "记住我喜欢绿茶");
        // session-service's own CompletionRelay would publish and mark it at once: hold its lock meanwhile, as another
        // instance's relay would
        SqlConnection relayLock = pool.getConnectionAndAwait();
        try {
            relayLock.preparedQuery("select pg_advisory_lock($1)").executeAndAwait(Tuple.of(Completions.RELAY_LOCK));
            given().contentType(ContentType.JSON).body("{}").post("/users/{u}/sessions/{s}/end", userId, sessionId)
                    .then().statusCode(200);

            given().get("/sessions/unpublished?limit=100").then().statusCode(200).body("id", hasItem(sessionId));
            given().post("/users/{u}/sessions/{s}/published", userId, sessionId).then().statusCode(200)
                    .body("publishedAt", notNullValue());
            given().get("/sessions/unpublished?limit=100").then().statusCode(200).body("id", not(hasItem(sessionId)));
        } finally {
            relayLock.preparedQuery("select pg_advisory_unlock($1)").executeAndAwait(Tuple.of(Completions.RELAY_LOCK));
            relayLock.closeAndAwait();
        }
    }
}
