package ai.persona.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The memory API across the real services: an app that talks to its own model posts three finished conversations,
 * the updater learns from them as from any three sessions, and the app reads the learned persona as prompt text.
 */
@ExtendWith(SharedStack.class)
class MemoryApiIT {

    private static final Duration LEARN = Duration.ofSeconds(90);
    private static Stack stack;

    @BeforeAll
    static void useTheSharedStack() {
        stack = SharedStack.stack();
    }

    private static RequestSpecification as(String userId) {
        return given().baseUri(stack.services.gatewayUrl()).auth().oauth2(stack.services.tokenFor(userId));
    }

    private static String post(String userId, String clientId, String said, int expectedStatus) {
        return as(userId).contentType(ContentType.JSON)
                .body(Map.of("clientId", clientId, "messages", List.of(
                        Map.of("role", "system", "content", "You are the tea shop's assistant."),
                        Map.of("role", "user", "content", said),
                        Map.of("role", "assistant", "content", "好的。"))))
                .post("/api/conversations")
                .then().statusCode(expectedStatus).extract().path("sessionId");
    }

    @Test
    void threePostedConversationsBecomePersonaVersionOneAndItsPromptText() {
        String userId = "memory-" + UUID.randomUUID();
        as(userId).get("/api/persona/prompt").then().statusCode(200)
                .header("ETag", "\"0\"").body("version", equalTo(0)).body("text", equalTo(""));

        post(userId, "chat-1", "我开了一家茶馆 " + userId, 201);
        String second = post(userId, "chat-2", "回答请简短一些", 201);
        // (the list is read from session-service each time; a session's own page may be served from memory)
        await().atMost(Duration.ofSeconds(30)).until(() -> as(userId).get("/api/sessions")
                .then().extract().jsonPath().getList("items.findAll { it.endedAt != null }.id").contains(second));
        // the same conversation again, as a retrying app would send it: known, and not recorded again
        assertThat(post(userId, "chat-2", "回答请简短一些", 200)).isEqualTo(second);
        post(userId, "chat-3", "先给我结论", 201);

        await().atMost(LEARN).until(() -> as(userId).get("/api/persona").then().extract().jsonPath()
                .getLong("version") == 1);
        assertThat(as(userId).get("/api/persona/history").then().statusCode(200).extract().jsonPath()
                .getList("items[0].sourceSessionIds")).hasSize(3);
        // the gateway's cache follows PersonaChanged: the prompt shows version 1 a moment after session-service
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(userId).get("/api/persona/prompt")
                .then().statusCode(200).header("ETag", "\"1\"").body("version", equalTo(1)));
        String text = as(userId).accept("text/plain").get("/api/persona/prompt")
                .then().statusCode(200).extract().asString();
        assertThat(text).contains(LlmStub.FIRST_STYLE);
        as(userId).header("If-None-Match", "\"1\"").get("/api/persona/prompt").then().statusCode(304);
    }

    @Test
    void learningSettingsThroughTheGatewayCountSessionsTowardTheNextUpdateAndSetK() {
        String userId = "learning-" + UUID.randomUUID();
        as(userId).get("/api/learning").then().statusCode(200)
                .body("learning", equalTo(true)).body("sessionsPerUpdate", equalTo(3))
                .body("defaultSessionsPerUpdate", equalTo(true)).body("sessionsTowardNextUpdate", equalTo(0));

        post(userId, "chat-1", "回答请简短一些 " + userId, 201);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(userId).get("/api/learning")
                .then().statusCode(200).body("sessionsTowardNextUpdate", equalTo(1)));
        // k = 2, chosen through the gateway: the next conversation completes a batch of two
        as(userId).contentType(ContentType.JSON).body("{\"sessionsPerUpdate\": 2}").put("/api/learning")
                .then().statusCode(200).body("sessionsPerUpdate", equalTo(2))
                .body("defaultSessionsPerUpdate", equalTo(false)).body("learning", equalTo(true));
        post(userId, "chat-2", "先给我结论", 201);

        await().atMost(LEARN).until(() -> as(userId).get("/api/persona").then().extract().jsonPath()
                .getLong("version") == 1);
        assertThat(as(userId).get("/api/persona/history").then().statusCode(200).extract().jsonPath()
                .getList("items[0].sourceSessionIds")).hasSize(2);
        as(userId).get("/api/learning").then().statusCode(200).body("sessionsTowardNextUpdate", equalTo(0));

        // off, and k back to the default; a k beyond the updater's bound is refused naming the gateway's field
        as(userId).contentType(ContentType.JSON).body("{\"learning\": false, \"sessionsPerUpdate\": null}")
                .put("/api/learning").then().statusCode(200).body("learning", equalTo(false))
                .body("sessionsPerUpdate", equalTo(3)).body("defaultSessionsPerUpdate", equalTo(true));
        as(userId).contentType(ContentType.JSON).body("{\"sessionsPerUpdate\": 100000}").put("/api/learning")
                .then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("sessionsPerUpdate"));
        as(userId).get("/api/learning").then().statusCode(200).body("learning", equalTo(false))
                .body("sessionsPerUpdate", equalTo(3));
    }
}
