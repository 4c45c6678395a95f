package ai.persona.updater;

import static ai.persona.updater.support.Conversations.user;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.persona.events.ConversationCompleted;
import ai.persona.events.EventContract;
import ai.persona.events.SessionEvent;
import ai.persona.infra.ManagementPortTestResource;
import ai.persona.infra.testing.InjectOpenAiStub;
import ai.persona.infra.testing.OpenAiStub;
import ai.persona.infra.testing.TestKafka;
import ai.persona.model.PersonaJson;
import ai.persona.updater.support.Api;
import ai.persona.updater.support.Conversations;
import ai.persona.updater.support.TestContentKeys;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ForgetTest {

    private static final TestKafka KAFKA = TestKafka.ofConfig();
    private static final Pattern KEY_DESTROYED = Pattern.compile(
            "persona_updater_batches_total\\{[^}]*outcome=\"key_destroyed\"[^}]*\\} ([0-9.E]+)");

    @InjectOpenAiStub
    OpenAiStub llm;

    @Test
    void aPatchWhoseUsersContentKeyIsGoneIsNotPublishedAndIsCounted() {
        // deleted at session-service (its key is gone) before this instance saw the marker or the tombstone
        String userId = TestContentKeys.DELETED + Conversations.userId();
        String marker = Conversations.marker();
        llm.replies(marker, BatchingTest.FORMATS_ANSWER);
        double before = keyDestroyed();

        Conversations.sendSimple(userId, marker, 1, 3);

        await().atMost(Api.WAIT).until(() -> keyDestroyed() > before);
        assertThat(llm.count(marker)).isEqualTo(1);
        assertThat(Api.patches(userId)).isEmpty();
        assertThat(Api.batches(userId)).singleElement()
                .satisfies(batch -> assertThat(batch.get("status")).isEqualTo("OPTIMIZED"));
    }

    private static double keyDestroyed() {
        Matcher counted = KEY_DESTROYED.matcher(given().get(ManagementPortTestResource.url("/q/metrics")).then().statusCode(200).extract().asString());
        return counted.find() ? Double.parseDouble(counted.group(1)) : 0;
    }

    @Test
    void aTombstoneDropsTheUsersBufferSnapshotAndParkedBatchesAndTheirLateSessions() {
        String userId = Conversations.userId();
        String marker = Conversations.marker();
        llm.replies(marker, "no json here");
        ObjectNode persona = PersonaJson.mapper().createObjectNode();
        persona.putObject("Demographics").put("Name", "Kim");
        Conversations.sendPersona(userId, 2, persona);
        Conversations.sendSimple(userId, marker, 1, 5);
        Api.awaitBatch(userId, "PARKED");
        Api.awaitBuffered(userId, 2);
        assertThat(Api.state(userId).getLong("snapshotVersion")).isEqualTo(2);

        Conversations.sendTombstone(userId);
        await().atMost(Api.WAIT).until(() -> Api.buffered(userId).isEmpty() && Api.batches(userId).isEmpty());
        assertThat(Api.state(userId).getLong("snapshotVersion")).isZero();

        // a session that ended before the deletion arrives late and is dropped; one from after it is kept
        Conversations.send(Conversations.simple(userId, 6, marker));
        Instant later = Instant.now().plusSeconds(60);
        Conversations.send(ConversationCompleted.of(userId + "-new", userId, later.minusSeconds(30), later,
                List.of(user("[" + marker + "] hello again"))));
        Api.awaitBuffered(userId, 1);

        assertThat(Api.buffered(userId)).containsExactly(userId + "-new");
    }

    @Test
    void aForgottenMarkerDropsTheUsersBufferedSessionsAndTheirLateOnes() {
        String userId = Conversations.userId();
        String marker = Conversations.marker();
        Conversations.sendSimple(userId, marker, 1, 2);
        Api.awaitBuffered(userId, 2);

        // the gateway's marker, well before session-service's tombstone would come round
        Instant deletedAt = Instant.now();
        Conversations.sendForgotten(userId, deletedAt);
        await().atMost(Api.WAIT).until(() -> Api.buffered(userId).isEmpty());

        Conversations.send(Conversations.simple(userId, 3, marker));
        Instant later = deletedAt.plusSeconds(60);
        Conversations.send(ConversationCompleted.of(userId + "-new", userId, later.minusSeconds(30), later,
                List.of(user("[" + marker + "] a new life"))));
        Api.awaitBuffered(userId, 1);
        assertThat(Api.buffered(userId)).containsExactly(userId + "-new");
        assertThat(llm.count(marker)).isZero();
    }

    @Test
    void aForgottenMarkerTheGatewayDidNotWriteDropsNothing() {
        String victim = Conversations.userId();
        String other = Conversations.userId();
        String marker = Conversations.marker();
        Conversations.sendSimple(victim, marker, 1, 2);
        Conversations.sendSimple(other, marker, 1, 1);
        Api.awaitBuffered(victim, 2);
        Api.awaitBuffered(other, 1);

        KAFKA.sendFrom("persona-updater", EventContract.SESSION_EVENT.topic(), victim,
                Conversations.json(SessionEvent.forgotten("e-" + java.util.UUID.randomUUID(), victim, Instant.now())));
        // a real marker after it on the same one-partition topic: once it took effect, the forged one was read
        Conversations.sendForgotten(other, Instant.now());
        await().atMost(Api.WAIT).until(() -> Api.buffered(other).isEmpty());

        assertThat(Api.buffered(victim)).containsExactlyInAnyOrder(victim + "-s1", victim + "-s2");
    }

    @Test
    void aBatchWithTheModelWhenTheUserIsForgottenIsNeverPublished() {
        String userId = Conversations.userId();
        String marker = Conversations.marker();
        llm.repliesAfter(marker, BatchingTest.FORMATS_ANSWER, Duration.ofSeconds(3));
        Conversations.sendSimple(userId, marker, 1, 3);
        await().atMost(Api.WAIT).until(() -> llm.count(marker) == 1);

        Conversations.sendForgotten(userId, Instant.now());

        // the model answers after the deletion: nothing of the batch may reach the topic
        await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(10))
                .until(() -> Api.patches(userId).isEmpty());
        assertThat(Api.batches(userId)).isEmpty();
        assertThat(Api.buffered(userId)).isEmpty();
    }
}
