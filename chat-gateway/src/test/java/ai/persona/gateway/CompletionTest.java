package ai.persona.gateway;

import static ai.persona.gateway.support.Users.as;
import static ai.persona.gateway.support.Users.newSession;
import static ai.persona.gateway.support.Users.newUser;
import static ai.persona.gateway.support.Users.say;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import ai.persona.events.ConversationCompleted;
import ai.persona.events.EventContract;
import ai.persona.events.MessageRole;
import ai.persona.events.SessionEvent;
import ai.persona.gateway.support.SealedRecords;
import ai.persona.gateway.support.SessionStore;
import ai.persona.infra.KafkaTestResource;
import ai.persona.infra.testing.TestKafka;
import ai.persona.model.PersonaJson;
import io.restassured.http.ContentType;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Ending a session through the gateway records the end as a SessionEvent; session-service materializes it and publishes
 * the session's ConversationCompleted (the real session-service runs beside the gateway under test).
 */
@QuarkusTest
class CompletionTest {

    private static final TestKafka KAFKA = TestKafka.ofConfig();

    private static final String TOPIC = EventContract.CONVERSATION_COMPLETED.topic();

    private static List<ConsumerRecord<String, String>> completions(String user) {
        return KAFKA.records(TOPIC, user);
    }

    private static List<String> completedSessionIds(String user) {
        return completions(user).stream().map(record -> TestKafka.header(record, "ce_id")).toList();
    }

    @Test
    void anEndedSessionIsPublishedAsConversationCompletedKeyedByItsUser() throws Exception {
        String user = newUser("complete");
        String session = newSession(user);
        say(user, session, "hello " + user);

        as(user).post("/api/sessions/{id}/end", session).then().statusCode(200)
                .body("published", equalTo(true)).body("session.endReason", equalTo("explicit"));

        await().atMost(Duration.ofSeconds(30)).until(() -> completedSessionIds(user).contains(session));
        ConsumerRecord<String, String> record = completions(user).get(0);
        assertThat(record.key()).isEqualTo(user);
        assertThat(TestKafka.header(record, "ce_type")).isEqualTo(EventContract.CONVERSATION_COMPLETED.cloudEventType());
        assertThat(TestKafka.header(record, "ce_id")).isEqualTo(session);
        ConversationCompleted event = SealedRecords.opened(record);
        assertThat(event.sessionId()).isEqualTo(session);
        assertThat(event.userId()).isEqualTo(user);
        assertThat(event.endedAt()).isNotNull();
        assertThat(event.messages()).extracting(message -> message.role())
                .containsExactly(MessageRole.USER, MessageRole.ASSISTANT);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> SessionStore.session(user, session).getString("publishedAt") != null);
    }

    @Test
    void aUsersTurnsAndCompletionAreInTheTopicsOnlyAsCiphertextAndNoneOpensAfterTheirDeletion() throws Exception {
        String user = newUser("sealed");
        String session = newSession(user);
        String marker = "lives-at-" + java.util.UUID.randomUUID();
        say(user, session, "I " + marker);
        as(user).post("/api/sessions/{id}/end", session).then().statusCode(200).body("published", equalTo(true));
        await().atMost(Duration.ofSeconds(30)).until(() -> completedSessionIds(user).contains(session));
        List<ConsumerRecord<String, String>> completed = completions(user);
        List<ConsumerRecord<String, String>> turns = KAFKA.records(EventContract.SESSION_EVENT.topic(), user);
        assertThat(turns).extracting(record -> TestKafka.header(record, "ce_type"))
                .containsOnly(EventContract.SESSION_EVENT.cloudEventType());
        assertThat(SealedRecords.opened(completed.get(0)).messages()).extracting(message -> message.content())
                .contains("I " + marker);
        ai.persona.crypto.ContentKey key = SealedRecords.keyFor(user);
        SessionEvent turn = PersonaJson.mapper().readValue(turns.get(0).value(), SessionEvent.class);
        assertThat(turn.sealedMessages().keyId()).isEqualTo(key.keyId());

        as(user).delete("/api/me").then().statusCode(204);

        for (ConsumerRecord<String, String> record : KAFKA.records(EventContract.SESSION_EVENT.topic(), user)) {
            assertThat(new String(record.value().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    java.nio.charset.StandardCharsets.UTF_8)).doesNotContain(marker);
        }
        for (ConsumerRecord<String, String> record : completions(user)) {
            assertThat(record.value()).doesNotContain(marker);
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SealedRecords.keys().existing(user).await()
                .atMost(Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(jakarta.ws.rs.WebApplicationException.class,
                        e -> assertThat(e.getResponse().getStatus()).isEqualTo(404));
        ai.persona.crypto.ContentKey afterReturn = SealedRecords.keyFor(user);
        assertThat(afterReturn.keyId()).isNotEqualTo(key.keyId());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> turn.opened(afterReturn))
                .isInstanceOf(ai.persona.crypto.UnopenableContentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PersonaJson.mapper()
                .readValue(completed.get(0).value(), ConversationCompleted.class).opened(afterReturn))
                .isInstanceOf(ai.persona.crypto.UnopenableContentException.class);
    }

    @Test
    void endingASessionTwicePublishesOneEventAndAnEmptySessionNone() {
        String user = newUser("twice");
        String session = newSession(user);
        say(user, session, "once " + user);

        as(user).post("/api/sessions/{id}/end", session).then().statusCode(200).body("published", equalTo(true));
        as(user).post("/api/sessions/{id}/end", session).then().statusCode(200).body("published", equalTo(true));
        // a later session of the same user lands on the same partition after anything sent for the first one
        String later = newSession(user);
        say(user, later, "later " + user);
        as(user).post("/api/sessions/{id}/end", later).then().statusCode(200);
        // a session ended without a message teaches nothing: it is not sent to the updater
        String empty = newSession(user);
        as(user).post("/api/sessions/{id}/end", empty).then().statusCode(200);
        String last = newSession(user);
        say(user, last, "last " + user);
        as(user).post("/api/sessions/{id}/end", last).then().statusCode(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> completedSessionIds(user).contains(last));
        assertThat(completedSessionIds(user)).containsExactly(session, later, last);
    }

    @Test
    void whileTheBrokerIsDownTurnsAndEndsAreRefusedWith503AndNothingIsHalfRecorded() {
        assumeTrue(KafkaTestResource.brokerCanBeStopped(), "the broker is external: it cannot be stopped here");
        String user = newUser("outage");
        String session = newSession(user);
        say(user, session, "before the outage " + user);

        KafkaTestResource.stopBroker();
        try {
            as(user).contentType(ContentType.JSON).body(Map.of("content", "during the outage"))
                    .post("/api/sessions/{id}/messages", session)
                    .then().statusCode(503).contentType("application/problem+json")
                    .body("type", containsString("session-store-unavailable"));
            as(user).post("/api/sessions/{id}/end", session)
                    .then().statusCode(503).contentType("application/problem+json");
        } finally {
            KafkaTestResource.startBroker();
        }

        // as a client would: retried until the gateway's producer has the broker's metadata again
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> as(user)
                .post("/api/sessions/{id}/end", session).then().statusCode(200).body("published", equalTo(true)));
        await().atMost(Duration.ofSeconds(60)).until(() -> completedSessionIds(user).contains(session));
        assertThat(SessionStore.ended(user, session).getList("messages.content", String.class))
                .containsExactly("before the outage " + user, "ok")
                .doesNotContain("during the outage");
        assertThat(completedSessionIds(user)).containsExactly(session);
    }
}
