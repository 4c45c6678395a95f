package ai.persona.updater;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.persona.events.EventContract;
import ai.persona.infra.ManagementPortTestResource;
import ai.persona.infra.testing.InjectOpenAiStub;
import ai.persona.infra.testing.OpenAiStub;
import ai.persona.infra.testing.TestKafka;
import ai.persona.model.PersonaJson;
import ai.persona.updater.messaging.InvalidEventException;
import ai.persona.updater.support.Api;
import ai.persona.updater.support.Conversations;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class DeadLetterTest {

    private static final TestKafka KAFKA = TestKafka.ofConfig();

    @InjectOpenAiStub
    OpenAiStub llm;

    @Test
    void unreadableRecordsGoToTheDeadLetterTopicAndTheConsumersCarryOn() {
        String userId = Conversations.userId();
        String marker = Conversations.marker();
        Conversations.sendRaw(userId, "{this is not json");
        Conversations.sendRaw(userId, "{\"eventVersion\": 1, \"userId\": \"" + userId + "\"}");
        KAFKA.send(EventContract.PERSONA_CHANGED.topic(), userId, "[1, 2, 3]");
        Conversations.sendSimple(userId, marker, 1, 1);
        ObjectNode persona = PersonaJson.mapper().createObjectNode();
        persona.putObject("Demographics").put("Name", "Sam");
        Conversations.sendPersona(userId, 5, persona);

        Api.awaitBuffered(userId, 1);
        Api.awaitSnapshot(userId, 5);
        List<ConsumerRecord<String, String>> dead = org.awaitility.Awaitility.await().atMost(Api.WAIT)
                .until(() -> KAFKA.records(EventContract.DEAD_LETTER_TOPIC, userId), r -> r.size() == 3);

        assertThat(dead).extracting(ConsumerRecord::value)
                .containsExactlyInAnyOrder("{this is not json", "{\"eventVersion\": 1, \"userId\": \"" + userId + "\"}",
                        "[1, 2, 3]");
        assertThat(dead).extracting(r -> TestKafka.header(r, "dead-letter-topic")).containsExactlyInAnyOrder(
                EventContract.CONVERSATION_COMPLETED.topic(), EventContract.CONVERSATION_COMPLETED.topic(),
                EventContract.PERSONA_CHANGED.topic());
        assertThat(dead).extracting(r -> TestKafka.header(r, "dead-letter-reason"))
                .anySatisfy(reason -> assertThat(reason).contains("without a sessionId"));
    }

    @Test
    void recordsClaimingAnotherProducerAreDeadLetteredAndChangeNothing() {
        String userId = Conversations.userId();
        String marker = Conversations.marker();
        String forgedSession = Conversations.json(Conversations.simple(userId, 7, marker));
        ObjectNode forgedPersona = PersonaJson.mapper().createObjectNode();
        forgedPersona.putObject("Demographics").put("Name", "Mallory");
        String changed = EventContract.PERSONA_CHANGED.topic();
        KAFKA.sendFrom("chat-gateway", EventContract.CONVERSATION_COMPLETED.topic(), userId, forgedSession);
        KAFKA.sendFrom("persona-updater", changed, userId, Conversations.json(new ai.persona.events.PersonaChanged(
                1, userId, 9, PersonaJson.mapper().createArrayNode(), forgedPersona, ai.persona.events.ChangeSource.USER_EDIT,
                null, List.of(), java.time.Instant.now())));
        // a forged tombstone would forget the user and drop their sessions
        KAFKA.sendFrom("chat-gateway", changed, userId, null);
        ObjectNode persona = PersonaJson.mapper().createObjectNode();
        persona.putObject("Demographics").put("Name", "Sam");
        Conversations.sendPersona(userId, 5, persona);
        Conversations.sendSimple(userId, marker, 1, 1);

        Api.awaitSnapshot(userId, 5);
        Api.awaitBuffered(userId, 1);
        assertThat(Api.buffered(userId)).containsExactly(userId + "-s1");
        List<ConsumerRecord<String, String>> dead = org.awaitility.Awaitility.await().atMost(Api.WAIT)
                .until(() -> KAFKA.records(EventContract.DEAD_LETTER_TOPIC, userId), r -> r.size() == 3);
        assertThat(dead).extracting(r -> TestKafka.header(r, "dead-letter-reason")).containsExactlyInAnyOrder(
                "ce_source 'chat-gateway' is not session-service, the only producer of "
                        + EventContract.CONVERSATION_COMPLETED.topic(),
                "ce_source 'persona-updater' is not session-service, the only producer of " + changed,
                "ce_source 'chat-gateway' is not session-service, the only producer of " + changed);
        assertThat(dead).extracting(ConsumerRecord::value).containsOnlyOnce(forgedSession).containsOnlyOnce((String) null);
        io.restassured.RestAssured.given().get(ManagementPortTestResource.url("/q/metrics")).then().body(org.hamcrest.Matchers.containsString(
                "persona_events_refused_total{topic=\"" + changed + "\"} 2.0"));
    }

    @Test
    void unreadableRecordsAmongAConsumedBatchAreDeadLetteredAloneAndTheRestStored() {
        String userId = Conversations.userId();
        String marker = Conversations.marker();
        llm.replies(marker, BatchingTest.FORMATS_ANSWER);
        List<String> sessions = IntStream.rangeClosed(1, 4)
                .mapToObj(n -> Conversations.json(Conversations.simple(userId, n, marker)))
                .toList();
        // s1 twice, and two unreadable records among them
        KAFKA.sendAll(EventContract.CONVERSATION_COMPLETED.topic(), userId, List.of(sessions.get(0), "not json",
                sessions.get(1), sessions.get(0), sessions.get(2), "{}", sessions.get(3)));

        Api.awaitPatches(userId, 1);
        Api.awaitBuffered(userId, 1);
        List<ConsumerRecord<String, String>> dead = org.awaitility.Awaitility.await().atMost(Api.WAIT)
                .until(() -> KAFKA.records(EventContract.DEAD_LETTER_TOPIC, userId), r -> r.size() == 2);

        assertThat(dead).extracting(ConsumerRecord::value).containsExactly("not json", "{}");
        assertThat(dead).extracting(r -> TestKafka.header(r, "dead-letter-topic")).containsOnly(
                EventContract.CONVERSATION_COMPLETED.topic());
        assertThat(dead).extracting(r -> TestKafka.header(r, "dead-letter-exception-class-name"))
                .containsOnly(InvalidEventException.class.getName());
        assertThat(Api.buffered(userId)).containsExactly(userId + "-s4");
        assertThat(Api.batches(userId)).singleElement().satisfies(b -> assertThat(b.get("sessionIds"))
                .isEqualTo(List.of(userId + "-s1", userId + "-s2", userId + "-s3")));
        assertThat(Api.patches(userId)).hasSize(1);
        assertThat(llm.count(marker)).isEqualTo(1);
    }
}
