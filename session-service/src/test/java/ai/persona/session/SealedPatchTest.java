package ai.persona.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import ai.persona.crypto.ContentKey;
import ai.persona.crypto.SealedContent;
import ai.persona.events.EventContract;
import ai.persona.events.PersonaPatchProposed;
import ai.persona.events.TokenUsage;
import ai.persona.infra.ManagementPortTestResource;
import ai.persona.infra.testing.TestKafka;
import ai.persona.model.PatchOperation;
import ai.persona.model.PersonaFixtures;
import ai.persona.model.PersonaJson;
import ai.persona.model.PersonaPatch;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Proposed patches travel sealed under their user's content key: applied once opened, dropped as forgotten once the key
 * is destroyed, dead-lettered when they do not open under a key that exists.
 */
@QuarkusTest
class SealedPatchTest {

    private static final TestKafka KAFKA = TestKafka.ofConfig();
    private static final String PATCHES = EventContract.PERSONA_PATCH_PROPOSED.topic();
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Pattern KEY_DESTROYED = Pattern.compile(
            "persona_patches_total\\{[^}]*outcome=\"KEY_DESTROYED\"[^}]*\\} ([0-9.E]+)");

    @Test
    void aSealedPatchIsAppliedWithItsReasonWhichTheRecordOnTheTopicDoesNotShow() {
        String userId = PatchConsumerTest.userWithSession();
        String quote = "said: my sister Inès lives at " + UUID.randomUUID();
        String patchId = "p-" + UUID.randomUUID();

        KAFKA.send(PATCHES, userId, sealed(SealedRecords.keyFor(userId), userId, patchId, Instant.now(), "Sister", quote));

        await().atMost(WAIT).until(() -> PatchConsumerTest.version(userId) == 1);
        given().get("/users/{u}/persona/history", userId).then()
                .body("items[0].operations[0].reason", equalTo(quote))
                .body("items[0].operations[0].path", equalTo("/Pattern/Sister"))
                .body("items[0].model", equalTo("stub-model"));
        List<ConsumerRecord<String, String>> records = KAFKA.records(PATCHES, userId);
        assertThat(records).singleElement().satisfies(record -> assertThat(record.value())
                .contains("\"patchId\":\"" + patchId + "\"", "sealedPatch")
                .doesNotContain(quote, "Inès", "/Pattern/Sister", "stub-model"));
        // the readable PersonaChanged has the new value in its persona and its diff, never the reason
        await().atMost(WAIT).untilAsserted(() -> assertThat(KAFKA.records(EventContract.PERSONA_CHANGED.topic(), userId))
                .singleElement().satisfies(record -> assertThat(record.value()).contains("\"Sister\":\"值\"")
                        .doesNotContain(quote, "Inès")));
    }

    @Test
    void aPatchSealedUnderTheKeyItsUsersDeletionDestroyedIsDroppedAndCountedNotDeadLettered() {
        String userId = PatchConsumerTest.userWithSession();
        ContentKey before = SealedRecords.keyFor(userId);
        given().delete("/users/{u}", userId).then().statusCode(204);
        SessionApiTest.createSession(userId);
        Instant newLife = Instant.now();
        double dropped = keyDestroyedCount();

        // learned "after" the deletion by its times, so only the destroyed key keeps it out
        KAFKA.send(PATCHES, userId, sealed(before, userId, "p-" + UUID.randomUUID(), newLife, "OldKey", "old"));
        KAFKA.send(PATCHES, userId, sealed(SealedRecords.keyFor(userId), userId, "p-" + UUID.randomUUID(), newLife,
                "NewKey", "new"));

        await().atMost(WAIT).until(() -> PatchConsumerTest.version(userId) == 1);
        given().get("/users/{u}/persona", userId).then()
                .body("persona.Pattern.NewKey", equalTo("值"))
                .body("persona.Pattern.OldKey", nullValue());
        assertThat(keyDestroyedCount()).isEqualTo(dropped + 1);
        assertThat(KAFKA.records(EventContract.DEAD_LETTER_TOPIC, userId)).isEmpty();
    }

    @Test
    void aSealedPatchThatDoesNotOpenUnderItsUsersKeyIsDeadLetteredAndThePersonaUnchanged() throws Exception {
        String userId = PatchConsumerTest.userWithSession();
        ContentKey key = SealedRecords.keyFor(userId);
        PersonaPatchProposed sealed = PersonaJson.mapper().readValue(
                sealed(key, userId, "p-" + UUID.randomUUID(), Instant.now(), "Tampered", "x"), PersonaPatchProposed.class);
        String tampered = SessionEventsTest.json(new PersonaPatchProposed(sealed.eventVersion(), sealed.patch(),
                sealed.usage(), new SealedContent(key.keyId(), flipLastBit(sealed.sealedPatch().data()))));
        String othersPatch = sealed(SealedRecords.keyFor(PatchConsumerTest.userWithSession()), userId,
                "p-" + UUID.randomUUID(), Instant.now(), "Others", "x");

        KAFKA.send(PATCHES, userId, tampered);
        KAFKA.send(PATCHES, userId, othersPatch);
        KAFKA.send(PATCHES, userId, sealed(key, userId, "p-" + UUID.randomUUID(), Instant.now(), "After", "ok"));

        await().atMost(WAIT).until(() -> PatchConsumerTest.version(userId) == 1);
        given().get("/users/{u}/persona", userId).then()
                .body("persona.Pattern.After", equalTo("值"))
                .body("persona.Pattern.Tampered", nullValue())
                .body("persona.Pattern.Others", nullValue());
        await().atMost(WAIT).untilAsserted(() -> assertThat(KAFKA.records(EventContract.DEAD_LETTER_TOPIC, userId))
                .extracting(ConsumerRecord::value, r -> new String(r.headers().lastHeader("dead-letter-reason").value()))
                .containsExactly(tuple(tampered, "sealed data does not authenticate under key " + key.keyId()),
                        tuple(othersPatch, "sealed under another user's content key")));
    }

    /** A proposal as the updater publishes it: sealed under {@code key}. */
    private static String sealed(ContentKey key, String userId, String patchId, Instant firstSessionStartedAt,
            String field, String reason) {
        PersonaPatch patch = new PersonaPatch(patchId, userId, 0, List.of("s1", "s2", "s3"),
                List.of(PatchOperation.add("/Pattern/" + field, PersonaFixtures.text("值"), reason)), "stub-model",
                Instant.now(), firstSessionStartedAt);
        return SessionEventsTest.json(PersonaPatchProposed.of(patch, new TokenUsage(900, 60, 1)).sealed(key));
    }

    private static double keyDestroyedCount() {
        Matcher counted = KEY_DESTROYED.matcher(given().get(ManagementPortTestResource.url("/q/metrics")).then().statusCode(200).extract().asString());
        return counted.find() ? Double.parseDouble(counted.group(1)) : 0;
    }

    /** One bit of the GCM tag flipped: valid base64, a seal that fails. */
    private static String flipLastBit(String base64) {
        byte[] bytes = Base64.getDecoder().decode(base64);
        bytes[bytes.length - 1] ^= 1;
        return Base64.getEncoder().encodeToString(bytes);
    }
}
