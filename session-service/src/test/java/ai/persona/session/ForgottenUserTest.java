package ai.persona.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import ai.persona.events.ChatMessage;
import ai.persona.events.EventContract;
import ai.persona.events.MessageRole;
import ai.persona.events.PersonaPatchProposed;
import ai.persona.events.TokenUsage;
import ai.persona.model.PatchOperation;
import ai.persona.model.PersonaFixtures;
import ai.persona.model.PersonaPatch;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Deletion that stays done: after a user is deleted, nothing made from before the deletion comes back, also when the
 * user returns at once and gets a new persona at version 0.
 */
@QuarkusTest
class ForgottenUserTest {

    private static final String PATCHES = EventContract.PERSONA_PATCH_PROPOSED.topic();
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static String learned(String userId, String patchId, Instant firstSessionStartedAt, String field) {
        PersonaPatch patch = new PersonaPatch(patchId, userId, 0, List.of("s1", "s2", "s3"),
                List.of(PatchOperation.add("/Pattern/" + field, PersonaFixtures.text("值"), "")), "stub-model",
                Instant.now(), firstSessionStartedAt);
        return SessionEventsTest.json(PersonaPatchProposed.of(patch, new TokenUsage(900, 60, 1)));
    }

    private static String returnedUser() {
        String userId = PatchConsumerTest.userWithSession();
        given().delete("/users/{u}", userId).then().statusCode(204);
        SessionApiTest.createSession(userId);
        given().get("/users/{u}/persona", userId).then().statusCode(200).body("version", equalTo(0));
        return userId;
    }

    @Test
    void aPatchLearnedFromSessionsBeforeTheDeletionIsRefusedAfterTheUserReturns() {
        Instant oldLife = Instant.now().minusSeconds(600);
        String userId = returnedUser();
        Instant newLife = Instant.now();

        // the batch that was with the optimizer while the user deleted themselves, then one of the new life after it
        KafkaTestClient.send(PATCHES, userId, learned(userId, "p-" + UUID.randomUUID(), oldLife, "Deleted"));
        KafkaTestClient.send(PATCHES, userId, learned(userId, "p-" + UUID.randomUUID(), newLife, "NewLife"));

        await().atMost(WAIT).until(() -> PatchConsumerTest.version(userId) == 1);
        given().get("/users/{u}/persona", userId).then()
                .body("persona.Pattern.NewLife", equalTo("值"))
                .body("persona.Pattern.Deleted", nullValue());
        given().get("/users/{u}/persona/history", userId).then().body("total", equalTo(1));
        // nothing of the refused patch is kept with the new life, not even parked
        given().get("/users/{u}/export", userId).then().statusCode(200).body("rejectedPatches.size()", equalTo(0));
    }

    @Test
    void aPatchThatDoesNotSayWhenItsSessionsStartedIsRefusedForADeletedUser() {
        String userId = returnedUser();

        // an older producer's record: it cannot show it was learned after the deletion
        KafkaTestClient.send(PATCHES, userId, learned(userId, "p-" + UUID.randomUUID(), null, "Unknown"));
        KafkaTestClient.send(PATCHES, userId, learned(userId, "p-" + UUID.randomUUID(), Instant.now(), "Marker"));

        await().atMost(WAIT).until(() -> PatchConsumerTest.version(userId) == 1);
        given().get("/users/{u}/persona", userId).then().body("persona.Pattern.Unknown", nullValue());
    }

    @Test
    void aReplayedOldPatchIdIsRefusedAfterTheDeletion() {
        String userId = PatchConsumerTest.userWithSession();
        String patchId = "p-" + UUID.randomUUID();
        // stamped in the future, as by a producer whose clock is off: only the remembered id can refuse the replay
        String old = learned(userId, patchId, Instant.now().plusSeconds(3600), "Replayed");
        KafkaTestClient.send(PATCHES, userId, old);
        await().atMost(WAIT).until(() -> PatchConsumerTest.version(userId) == 1);

        given().delete("/users/{u}", userId).then().statusCode(204);
        SessionApiTest.createSession(userId);
        KafkaTestClient.send(PATCHES, userId, old);
        KafkaTestClient.send(PATCHES, userId, learned(userId, "p-" + UUID.randomUUID(), Instant.now(), "Marker"));

        await().atMost(WAIT).until(() -> PatchConsumerTest.version(userId) == 1);
        given().get("/users/{u}/persona", userId).then()
                .body("persona.Pattern.Marker", equalTo("值"))
                .body("persona.Pattern.Replayed", nullValue());
    }

    @Test
    void sessionEventsStampedBeforeTheDeletionDoNotBringTheUserBack() {
        String userId = PatchConsumerTest.userWithSession();
        Instant beforeDeletion = Instant.now();
        given().delete("/users/{u}", userId).then().statusCode(204);
        String late = SessionEventsTest.session();
        String afterwards = SessionEventsTest.session();

        // a turn in flight during the deletion reaches the topic after it, and no FORGOTTEN marker follows to clean up
        SessionEventsTest.publish(userId,
                SessionEventsTest.messages(userId, late, beforeDeletion, null, said("删除前说的")),
                SessionEventsTest.ended(userId, late, beforeDeletion),
                SessionEventsTest.messages(userId, afterwards, Instant.now(), null, said("回来了")));

        await().atMost(WAIT).until(() -> SessionEventsTest.stored(userId, afterwards) != null);
        given().get("/users/{u}/sessions/{s}", userId, late).then().statusCode(404);
        given().get("/users/{u}/sessions", userId).then().body("total", equalTo(1));
        assertThat(SessionEventsTest.contents(userId, afterwards)).containsExactly("回来了");
    }

    private static ChatMessage said(String content) {
        return ChatMessage.of(MessageRole.USER, content, null);
    }

}
