package ai.persona.session;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import ai.persona.crypto.ContentKey;
import ai.persona.events.ChatMessage;
import ai.persona.events.ConversationCompleted;
import ai.persona.events.SessionEvent;
import ai.persona.identity.ServiceIdentity;
import ai.persona.model.PersonaJson;

/**
 * Users' content as the topics carry it, sealed under their content key: the tests seal turns as the gateway does and
 * open completions as the updater does, with the key from session-service's own endpoint and the callers' tokens.
 */
final class SealedRecords {

    private SealedRecords() {
    }

    /** The user's key as the gateway gets it: made when they have none. */
    static ContentKey keyFor(String userId) {
        return given().header("Authorization", "Bearer " + ServiceTokens.tokenOf(ServiceIdentity.GATEWAY))
                .post("/users/{u}/content-key", userId)
                .then().statusCode(200)
                .extract().as(ContentKey.class);
    }

    /** The status of the updater's read of the user's key: 200 while it exists, 404 once destroyed. */
    static int keyStatus(String userId) {
        return given().header("Authorization", "Bearer " + ServiceTokens.tokenOf(ServiceIdentity.UPDATER))
                .get("/users/{u}/content-key", userId)
                .statusCode();
    }

    /** A turn as the gateway publishes it. */
    static String sealedMessages(String userId, String sessionId, Instant at, ChatMessage... said) {
        return SessionEventsTest.json(SessionEvent.sealedMessages("e-" + UUID.randomUUID(), userId, sessionId, at, null,
                List.of(said), keyFor(userId)));
    }

    /** A published completion, opened with its user's key. */
    static ConversationCompleted opened(ConsumerRecord<String, String> record) throws Exception {
        return opened(record.value());
    }

    /** A completion's payload as published, opened with its user's key. */
    static ConversationCompleted opened(String json) throws Exception {
        ConversationCompleted completed = PersonaJson.mapper().readValue(json, ConversationCompleted.class);
        return completed.opened(keyFor(completed.userId()));
    }
}
