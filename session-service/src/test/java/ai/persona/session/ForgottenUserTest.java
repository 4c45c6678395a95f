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
import ai.persona.infra.testing.TestKafka;
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

    private static final TestKafka KAFKA = TestKafka.ofConfig();

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
        KAFKA.send(PATCHES, userId, learned(userId, "p-" + UUID.randomUUID(), oldLife, "Deleted"));
        KAFKA.send(PATCHES, userId, learned(userId, "p-" + UUID.randomUUID(), newLife, "NewLife"));

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
        KAFKA.send(PATCHES, userId, learned(userId, "p-" + UUID.randomUUID(), null, "Unknown"));
        KAFKA.send(PATCHES, userId, learned(userId, "p-" + UUID.randomUUID(), Instant.now(), "Marker"));

        await().atMost(WAIT).until(() -> PatchConsumerTest.version(userId) == 1);
        given().get("/users/{u}/persona", userId).then().body("persona.Pattern.Unknown", nullValue());
    }

    @Test
    void aReplayedOldPatchIdIsRefusedAfterTheDeletion() {
        String userId = PatchConsumerTest.userWithSession();
        String patchId = "p-" + UUID.randomUUID();
        // stamped in the future, as by a producer whose clock is off: only the remembered id can refuse the replay
        String old = learned(userId, patchId, Instant.now().plusSeconds(3600), "Replayed");
        KAFKA.send(PATCHES, userId, old);
        await().atMost(WAIT).until(() -> PatchConsumerTest.version(userId) == 1);

        given().delete("/users/{u}", userId).then().statusCode(204);
        SessionApiTest.createSession(userId);
        KAFKA.send(PATCHES, userId, old);
        KAFKA.send(PATCHES, userId, learned(userId, "p-" + UUID.randomUUID(), Instant.now(), "Marker"));

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

    @Test
    void theCompletionOfASessionThatStartedBeforeItsUsersDeletionIsNeverPublished() throws Exception {
        // the state a race leaves: a session of the old life still there, brought back by an event read after the
        // deletion committed (the FORGOTTEN marker, not reached yet, will delete it again)
        String userId = PatchConsumerTest.userWithSession();
        String sessionId = SessionApiTest.createSession(userId);
        SessionApiTest.say(userId, sessionId, "USER", "删除前的对话");
        remember(userId, Instant.now().plusSeconds(3600));
        given().contentType(io.restassured.http.ContentType.JSON).body("{}")
                .post("/users/{u}/sessions/{s}/end", userId, sessionId).then().statusCode(200);

        // a later completion of another user shows the relay went past this one
        String other = PatchConsumerTest.userWithSession();
        String otherSession = SessionApiTest.createSession(other);
        SessionApiTest.say(other, otherSession, "USER", "标记");
        given().contentType(io.restassured.http.ContentType.JSON).body("{}")
                .post("/users/{u}/sessions/{s}/end", other, otherSession).then().statusCode(200);
        String completed = EventContract.CONVERSATION_COMPLETED.topic();
        await().atMost(WAIT).until(() -> !KAFKA.records(completed, other).isEmpty());

        assertThat(KAFKA.records(completed, userId)).isEmpty();
    }

    private static void remember(String userId, Instant deletedAt) throws Exception {
        var config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        try (var connection = java.sql.DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
                var statement = connection.prepareStatement(
                        "insert into forgotten_users (user_hash, forgotten_at) values (?, ?)")) {
            statement.setString(1, ai.persona.session.persistence.ForgottenUserEntity.hash(userId));
            statement.setTimestamp(2, java.sql.Timestamp.from(deletedAt));
            statement.executeUpdate();
        }
    }

    private static ChatMessage said(String content) {
        return ChatMessage.of(MessageRole.USER, content, null);
    }

}
