package ai.persona.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import ai.persona.events.ChatMessage;
import ai.persona.events.EventContract;
import ai.persona.events.MessageRole;
import ai.persona.events.SessionEvent;
import ai.persona.events.ToolCall;
import ai.persona.infra.ManagementPortTestResource;
import ai.persona.infra.testing.TestKafka;
import ai.persona.model.PersonaJson;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** SessionEvents produced to the real topic, materialized into the sessions seen through the REST API. */
@QuarkusTest
class SessionEventsTest {

    private static final TestKafka KAFKA = TestKafka.ofConfig();

    static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TOPIC = EventContract.SESSION_EVENT.topic();

    static String user() {
        return "user-" + UUID.randomUUID();
    }

    static String session() {
        return "session-" + UUID.randomUUID();
    }

    static ChatMessage said(MessageRole role, String content) {
        return ChatMessage.of(role, content, null);
    }

    static String messages(String userId, String sessionId, Instant at, Integer firstIndex, ChatMessage... said) {
        return json(SessionEvent.messages("e-" + UUID.randomUUID(), userId, sessionId, at, firstIndex, List.of(said)));
    }

    static String ended(String userId, String sessionId, Instant at) {
        return json(SessionEvent.ended("e-" + UUID.randomUUID(), userId, sessionId, at, null));
    }

    static String json(Object event) {
        try {
            return PersonaJson.mapper().writeValueAsString(event);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** One producer, in order: one user's records land on one partition in this order. */
    static void publish(String userId, String... values) {
        KAFKA.sendAll(TOPIC, java.util.Arrays.stream(values).map(value -> Map.entry(userId, value)).toList());
    }

    /** The session as GET shows it, or null while it does not exist. */
    static JsonPath stored(String userId, String sessionId) {
        var response = given().get("/users/{u}/sessions/{s}", userId, sessionId);
        return response.statusCode() == 200 ? response.jsonPath() : null;
    }

    static List<String> contents(String userId, String sessionId) {
        JsonPath session = stored(userId, sessionId);
        return session == null ? List.of() : session.getList("messages.content", String.class);
    }

    @Test
    void messagesOfSeveralEventsAreStoredInOrder() {
        String userId = user();
        String sessionId = session();
        // recent: the idle job ends sessions quiet for a day (test profile)
        Instant at = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MICROS);
        ChatMessage call = new ChatMessage(MessageRole.ASSISTANT, null, null,
                List.of(new ToolCall("c1", "webSearch", "{\"q\":\"茶馆\"}")), null);
        publish(userId,
                messages(userId, sessionId, at, null, said(MessageRole.USER, "我想找一家安静的茶馆")),
                messages(userId, sessionId, at.plusSeconds(2), null, call,
                        new ChatMessage(MessageRole.TOOL, "[西湖边的茶馆]", null, List.of(), "c1"),
                        said(MessageRole.ASSISTANT, "推荐西湖边的一家")),
                messages(userId, sessionId, at.plusSeconds(9), null, said(MessageRole.USER, "谢谢")));

        await().atMost(WAIT).until(() -> contents(userId, sessionId).contains("谢谢"));
        given().get("/users/{u}/sessions/{s}", userId, sessionId).then().statusCode(200)
                .body("messageCount", equalTo(5))
                .body("messages.role", contains("USER", "ASSISTANT", "TOOL", "ASSISTANT", "USER"))
                .body("messages.content", contains("我想找一家安静的茶馆", null, "[西湖边的茶馆]", "推荐西湖边的一家", "谢谢"))
                .body("messages[1].toolCalls[0].name", equalTo("webSearch"))
                .body("messages[1].toolCalls[0].arguments", equalTo("{\"q\":\"茶馆\"}"))
                .body("messages[2].toolCallId", equalTo("c1"))
                // a message without its own time takes its event's
                .body("messages[0].at", equalTo(at.toString()))
                .body("startedAt", equalTo(at.toString()))
                .body("lastActivityAt", equalTo(at.plusSeconds(9).toString()))
                .body("endedAt", nullValue());
    }

    @Test
    void aRedeliveredEventIsStoredOnce() {
        String userId = user();
        String sessionId = session();
        String first = messages(userId, sessionId, Instant.now(), null, said(MessageRole.USER, "一"));
        publish(userId, first, messages(userId, sessionId, Instant.now(), null, said(MessageRole.ASSISTANT, "二")),
                first, messages(userId, sessionId, Instant.now(), null, said(MessageRole.USER, "三")));

        await().atMost(WAIT).until(() -> contents(userId, sessionId).contains("三"));
        assertThat(contents(userId, sessionId)).containsExactly("一", "二", "三");
        given().get(ManagementPortTestResource.url("/q/metrics")).then()
                .body(containsString("persona_session_events_total{outcome=\"duplicate\"}"));
    }

    @Test
    void anOpenAiClientResendingTheConversationKeepsOneCopyOfEachMessage() {
        String userId = user();
        String sessionId = session();
        ChatMessage u1 = said(MessageRole.USER, "u1");
        ChatMessage a1 = said(MessageRole.ASSISTANT, "a1");
        ChatMessage u2 = said(MessageRole.USER, "u2");
        ChatMessage a2 = said(MessageRole.ASSISTANT, "a2");
        ChatMessage u3 = said(MessageRole.USER, "u3");
        ChatMessage a3 = said(MessageRole.ASSISTANT, "a3");
        publish(userId,
                messages(userId, sessionId, Instant.now(), 0, u1, a1),
                messages(userId, sessionId, Instant.now(), 0, u1, a1, u2, a2),
                // a late resend of an earlier turn adds nothing
                messages(userId, sessionId, Instant.now(), 0, u1, a1),
                messages(userId, sessionId, Instant.now(), 0, u1, a1, u2, a2, u3, a3));

        await().atMost(WAIT).until(() -> contents(userId, sessionId).contains("a3"));
        assertThat(contents(userId, sessionId)).containsExactly("u1", "a1", "u2", "a2", "u3", "a3");
        given().get("/users/{u}/sessions/{s}", userId, sessionId).then()
                .body("messageCount", equalTo(6))
                .body("messages.role", contains("USER", "ASSISTANT", "USER", "ASSISTANT", "USER", "ASSISTANT"));
    }

    @Test
    void aSessionFirstSeenInAnEventIsCreatedForItsUser() {
        String userId = user();
        String sessionId = session();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        publish(userId, messages(userId, sessionId, at, null, said(MessageRole.USER, "你好")));

        await().atMost(WAIT).until(() -> stored(userId, sessionId) != null);
        given().get("/users/{u}/sessions", userId).then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].id", equalTo(sessionId))
                .body("items[0].userId", equalTo(userId))
                .body("items[0].startedAt", equalTo(at.toString()))
                .body("items[0].messageCount", equalTo(1));
        // like a user created through the API, with the empty persona a user starts with
        given().get("/users/{u}/persona", userId).then().statusCode(200).body("version", equalTo(0));
    }

    @Test
    void turnsRecordedBeforeAForgottenMarkerDoNotBringTheDeletedUserBack() {
        String userId = user();
        String sessionId = session();
        publish(userId, messages(userId, sessionId, Instant.now(), null, said(MessageRole.USER, "记住我")));
        await().atMost(WAIT).until(() -> stored(userId, sessionId) != null);

        // the gateway deletes through the API, while a turn recorded just before is still on its way
        given().delete("/users/{u}", userId).then().statusCode(204);
        String late = session();
        String afterwards = session();
        publish(userId,
                messages(userId, late, Instant.now(), null, said(MessageRole.USER, "迟到的")),
                json(SessionEvent.forgotten("e-" + UUID.randomUUID(), userId, Instant.now())),
                messages(userId, afterwards, Instant.now(), null, said(MessageRole.USER, "回来了")));

        // the user may come back after the marker: that session is theirs, nothing from before it is
        await().atMost(WAIT).until(() -> stored(userId, afterwards) != null);
        given().get("/users/{u}/sessions", userId).then().statusCode(200)
                .body("items.id", contains(afterwards));
        given().get("/users/{u}/sessions/{s}", userId, late).then().statusCode(404);
        given().get("/users/{u}/sessions/{s}", userId, sessionId).then().statusCode(404);
    }

    @Test
    void aForgottenMarkerClaimingAnotherProducerIsDeadLetteredAndDeletesNoOne() {
        String victim = user();
        String sessionId = session();
        publish(victim, messages(victim, sessionId, Instant.now(), null, said(MessageRole.USER, "别删我")));
        await().atMost(WAIT).until(() -> stored(victim, sessionId) != null);

        String forged = json(SessionEvent.forgotten("e-" + UUID.randomUUID(), victim, Instant.now()));
        KAFKA.sendFrom("persona-updater", TOPIC, victim, forged);
        String after = session();
        publish(victim, messages(victim, after, Instant.now(), null, said(MessageRole.USER, "还在")));

        await().atMost(WAIT).until(() -> stored(victim, after) != null);
        given().get("/users/{u}/sessions/{s}", victim, sessionId).then().statusCode(200)
                .body("messages.content", contains("别删我"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(KAFKA.records(EventContract.DEAD_LETTER_TOPIC, victim))
                .extracting(ConsumerRecord::value).contains(forged));
    }

    @Test
    void anEventForAnotherUsersSessionChangesNothing() {
        String owner = user();
        String sessionId = session();
        publish(owner, messages(owner, sessionId, Instant.now(), null, said(MessageRole.USER, "我的")));
        await().atMost(WAIT).until(() -> stored(owner, sessionId) != null);

        String intruder = user();
        String marker = session();
        publish(intruder,
                messages(intruder, sessionId, Instant.now(), null, said(MessageRole.USER, "不是我的")),
                ended(intruder, sessionId, Instant.now()),
                messages(intruder, marker, Instant.now(), null, said(MessageRole.USER, "标记")));

        // the intruder's events are on one partition in order: once the marker is stored, the others were consumed
        await().atMost(WAIT).until(() -> stored(intruder, marker) != null);
        given().get("/users/{u}/sessions/{s}", owner, sessionId).then().statusCode(200)
                .body("messageCount", equalTo(1))
                .body("messages.content", contains("我的"))
                .body("endedAt", nullValue());
        given().get("/users/{u}/sessions", intruder).then().body("items.id", contains(marker));
        given().get("/users/{u}/sessions/{s}", intruder, sessionId).then().statusCode(404);
    }

    @Test
    void unreadableRecordsAreDeadLetteredAndTheRestOfTheBatchIsStored() {
        String userId = user();
        String sessionId = session();
        String noKind = "{\"eventVersion\":1,\"eventId\":\"e-" + UUID.randomUUID() + "\",\"userId\":\"" + userId
                + "\",\"sessionId\":\"" + sessionId + "\"}";
        String noRole = "{\"eventVersion\":1,\"eventId\":\"e-" + UUID.randomUUID() + "\",\"kind\":\"MESSAGES\","
                + "\"userId\":\"" + userId + "\",\"sessionId\":\"" + sessionId + "\",\"messages\":[{\"content\":\"x\"}]}";
        publish(userId, messages(userId, sessionId, Instant.now(), null, said(MessageRole.USER, "前")),
                "{this is not json", noKind, noRole,
                messages(userId, sessionId, Instant.now(), null, said(MessageRole.USER, "后")));

        await().atMost(WAIT).until(() -> contents(userId, sessionId).contains("后"));
        assertThat(contents(userId, sessionId)).containsExactly("前", "后");
        await().atMost(WAIT).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> dead = KAFKA.records(EventContract.DEAD_LETTER_TOPIC, userId);
            assertThat(dead).extracting(ConsumerRecord::value).containsExactly("{this is not json", noKind, noRole);
            assertThat(dead).extracting(r -> header(r, "dead-letter-reason")).element(1)
                    .isEqualTo("a SessionEvent needs eventId, userId and kind");
            assertThat(dead).extracting(r -> header(r, "dead-letter-reason")).element(2)
                    .isEqualTo("every message needs a role: SYSTEM, USER, ASSISTANT or TOOL");
            assertThat(dead).extracting(r -> header(r, "dead-letter-topic")).containsOnly(TOPIC);
        });
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
