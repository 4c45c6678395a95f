package ai.persona.session;

import static ai.persona.session.SessionEventsTest.WAIT;
import static ai.persona.session.SessionEventsTest.ended;
import static ai.persona.session.SessionEventsTest.publish;
import static ai.persona.session.SessionEventsTest.said;
import static ai.persona.session.SessionEventsTest.stored;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import ai.persona.crypto.ContentKey;
import ai.persona.crypto.SealedContent;
import ai.persona.crypto.UnopenableContentException;
import ai.persona.events.ChatMessage;
import ai.persona.events.ConversationCompleted;
import ai.persona.events.EventContract;
import ai.persona.events.MessageRole;
import ai.persona.events.SessionEvent;
import ai.persona.identity.ServiceIdentity;
import ai.persona.infra.testing.TestKafka;
import ai.persona.model.PersonaJson;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Crypto-shredding: a user's turns and completed conversations are in the topics only sealed under their content key,
 * and their deletion destroys the key, so nothing of theirs in any topic opens again.
 */
@QuarkusTest
class ContentKeyTest {

    private static final TestKafka KAFKA = TestKafka.ofConfig();
    private static final String COMPLETED = EventContract.CONVERSATION_COMPLETED.topic();
    private static final String SESSION_EVENTS = EventContract.SESSION_EVENT.topic();

    @Test
    void theGatewayGetsOneKeyPerUserAndTheUpdaterReadsTheSameOne() {
        String userId = SessionEventsTest.user();
        given().header("Authorization", "Bearer " + ServiceTokens.tokenOf(ServiceIdentity.UPDATER))
                .get("/users/{u}/content-key", userId).then().statusCode(404);

        ContentKey made = SealedRecords.keyFor(userId);

        assertThat(SealedRecords.keyFor(userId)).isEqualTo(made);
        given().header("Authorization", "Bearer " + ServiceTokens.tokenOf(ServiceIdentity.UPDATER))
                .get("/users/{u}/content-key", userId).then().statusCode(200)
                .body("keyId", equalTo(made.keyId()))
                .body("key", equalTo(made.key()));
    }

    @Test
    void onlyTheGatewayMakesKeysAndNoOperatorReadsThem() {
        String userId = SessionEventsTest.user();
        SealedRecords.keyFor(userId);

        given().header("Authorization", "Bearer " + ServiceTokens.tokenOf(ServiceIdentity.UPDATER))
                .post("/users/{u}/content-key", userId).then().statusCode(403);
        given().get("/users/{u}/content-key", userId).then().statusCode(403);
        given().noFilters().get("/users/{u}/content-key", userId).then().statusCode(401);
    }

    @Test
    void aConversationIsInTheTopicsOnlyAsCiphertextAndNoneOfItOpensAfterTheUsersDeletion() throws Exception {
        String userId = SessionEventsTest.user();
        String sessionId = SessionEventsTest.session();
        String marker = "Rue-" + UUID.randomUUID();
        Instant start = Instant.now();
        publish(userId,
                SealedRecords.sealedMessages(userId, sessionId, start, said(MessageRole.USER, "I live at " + marker),
                        said(MessageRole.ASSISTANT, "Noted, " + marker)),
                ended(userId, sessionId, start.plusSeconds(1)));
        await().atMost(WAIT).until(() -> stored(userId, sessionId) != null
                && stored(userId, sessionId).getString("publishedAt") != null);
        given().get("/users/{u}/sessions/{s}", userId, sessionId).then()
                .body("messages.content", org.hamcrest.Matchers.contains("I live at " + marker, "Noted, " + marker));

        List<ConsumerRecord<String, String>> published = KAFKA.records(COMPLETED, userId);
        List<ConsumerRecord<String, String>> turns = KAFKA.records(SESSION_EVENTS, userId);
        assertThat(published).hasSize(1);
        assertThat(turns).hasSize(2);
        for (ConsumerRecord<String, String> record : concat(published, turns)) {
            assertThat(new String(record.value().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                    .doesNotContain(marker);
        }
        assertThat(SealedRecords.opened(published.get(0)).messages()).extracting(ChatMessage::content)
                .containsExactly("I live at " + marker, "Noted, " + marker);
        ContentKey key = SealedRecords.keyFor(userId);

        given().delete("/users/{u}", userId).then().statusCode(204);

        assertThat(SealedRecords.keyStatus(userId)).isEqualTo(404);
        ContentKey afterReturn = SealedRecords.keyFor(userId);
        assertThat(afterReturn.keyId()).isNotEqualTo(key.keyId());
        ConversationCompleted completed = PersonaJson.mapper().readValue(published.get(0).value(),
                ConversationCompleted.class);
        SessionEvent turn = PersonaJson.mapper().readValue(turns.get(0).value(), SessionEvent.class);
        assertThatThrownBy(() -> completed.opened(afterReturn)).isInstanceOf(UnopenableContentException.class);
        assertThatThrownBy(() -> turn.opened(afterReturn)).isInstanceOf(UnopenableContentException.class);
    }

    @Test
    void aTurnSealedUnderADestroyedKeyIsDroppedAsForgottenNotDeadLettered() {
        String userId = SessionEventsTest.user();
        String forgotten = SessionEventsTest.session();
        String later = SessionEventsTest.session();
        ContentKey destroyed = ContentKey.generate();
        publish(userId,
                SessionEventsTest.json(SessionEvent.sealedMessages("e-" + UUID.randomUUID(), userId, forgotten,
                        Instant.now(), null, List.of(said(MessageRole.USER, "from before the deletion")), destroyed)),
                SealedRecords.sealedMessages(userId, later, Instant.now(), said(MessageRole.USER, "after")));

        await().atMost(WAIT).until(() -> stored(userId, later) != null);
        given().get("/users/{u}/sessions/{s}", userId, forgotten).then().statusCode(404);
        assertThat(KAFKA.records(EventContract.DEAD_LETTER_TOPIC, userId)).isEmpty();
    }

    @Test
    void aTamperedSealedTurnIsDeadLetteredAndTheRestOfItsBatchStored() throws Exception {
        String userId = SessionEventsTest.user();
        String tampered = SessionEventsTest.session();
        String later = SessionEventsTest.session();
        SessionEvent sealed = PersonaJson.mapper().readValue(
                SealedRecords.sealedMessages(userId, tampered, Instant.now(), said(MessageRole.USER, "mine")),
                SessionEvent.class);
        SealedContent original = sealed.sealedMessages();
        String forged = SessionEventsTest.json(new SessionEvent(sealed.eventVersion(), sealed.eventId(), sealed.kind(),
                userId, tampered, sealed.at(), null, List.of(), null,
                new SealedContent(original.keyId(), flipLastBit(original.data())), null));
        publish(userId, forged,
                SealedRecords.sealedMessages(userId, later, Instant.now(), said(MessageRole.USER, "after")));

        await().atMost(WAIT).until(() -> stored(userId, later) != null);
        given().get("/users/{u}/sessions/{s}", userId, tampered).then().statusCode(404);
        await().atMost(WAIT).untilAsserted(() -> assertThat(KAFKA.records(EventContract.DEAD_LETTER_TOPIC,
                userId)).extracting(ConsumerRecord::value).containsExactly(forged));
    }

    /** The same sealed value with one bit of its last byte (the GCM tag's) flipped: valid base64, a failing seal. */
    private static String flipLastBit(String base64) {
        byte[] bytes = java.util.Base64.getDecoder().decode(base64);
        bytes[bytes.length - 1] ^= 1;
        return java.util.Base64.getEncoder().encodeToString(bytes);
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
