package ai.persona.gateway.memory;

import static ai.persona.gateway.support.Users.as;
import static ai.persona.gateway.support.Users.newUser;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import ai.persona.events.EventContract;
import ai.persona.gateway.support.SessionStore;
import ai.persona.infra.testing.TestKafka;
import io.quarkus.test.junit.DisabledOnIntegrationTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** POST /api/conversations: a finished conversation recorded like an ended session, once per client id. */
@QuarkusTest
class MemoryApiTest {

    private static final TestKafka KAFKA = TestKafka.ofConfig();

    static Response post(String user, Object body) {
        return as(user).contentType(ContentType.JSON).body(body).post("/api/conversations");
    }

    static Map<String, Object> conversation(String clientId, String userText) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("messages", List.of(
                Map.of("role", "system", "content", "You are the app's assistant."),
                Map.of("role", "user", "content", userText),
                Map.of("role", "assistant", "content", "Noted.")));
        if (clientId != null) {
            body.put("clientId", clientId);
        }
        return body;
    }

    /**
     * Waits until session-service has materialized everything the user posted so far: one user's events are read in
     * order, so once a conversation posted last is there, every earlier one has been applied too.
     */
    static void settled(String user) {
        String marker = post(user, conversation(null, "marker")).then().statusCode(201).extract().path("sessionId");
        SessionStore.ended(user, marker);
    }

    @Test
    void threePostedConversationsAreEndedSessionsWithTheirMessagesAndEachIsPublishedAsCompleted() {
        String user = newUser("memory");
        Response first = post(user, Map.of("clientId", "chat-1", "messages", List.of(
                Map.of("role", "developer", "content", "Answer briefly.", "at", "2026-03-01T10:00:00Z"),
                Map.of("role", "user", "content", "I keep bees on my roof.", "at", "2026-03-01T10:00:05Z"),
                Map.of("role", "assistant", "toolCalls", List.of(Map.of("id", "call-1", "type", "function",
                        "function", Map.of("name", "weather", "arguments", "{\"city\":\"Lyon\"}")))),
                Map.of("role", "tool", "toolCallId", "call-1", "content", "sunny, 24 C"),
                Map.of("role", "assistant", "content", "A good day to inspect the hives."))));
        first.then().statusCode(201).contentType(ContentType.JSON)
                .body("clientId", equalTo("chat-1")).body("messageCount", equalTo(5));
        String second = post(user, conversation(null, "I prefer tea to coffee.")).then().statusCode(201)
                .extract().path("sessionId");
        String third = post(user, conversation("chat-3", "I am learning Portuguese.")).then().statusCode(201)
                .extract().path("sessionId");
        String firstId = first.path("sessionId");
        assertThat(first.header("Location"))
                .isEqualTo("http://localhost:" + RestAssured.port + "/api/sessions/" + firstId);

        JsonPath bees = SessionStore.ended(user, firstId);
        assertThat(bees.getString("endReason")).isEqualTo(ConversationPublisher.END_REASON);
        assertThat(bees.getList("messages.role", String.class))
                .containsExactly("SYSTEM", "USER", "ASSISTANT", "TOOL", "ASSISTANT");
        assertThat(bees.getString("messages[1].content")).isEqualTo("I keep bees on my roof.");
        assertThat(bees.getString("messages[1].at")).isEqualTo("2026-03-01T10:00:05Z");
        assertThat(bees.getString("messages[2].toolCalls[0].name")).isEqualTo("weather");
        assertThat(bees.getString("messages[2].toolCalls[0].arguments")).isEqualTo("{\"city\":\"Lyon\"}");
        assertThat(bees.getString("messages[3].toolCallId")).isEqualTo("call-1");
        assertThat(SessionStore.ended(user, second).getList("messages.content", String.class))
                .containsExactly("You are the app's assistant.", "I prefer tea to coffee.", "Noted.");
        assertThat(SessionStore.ended(user, third).getInt("messageCount")).isEqualTo(3);

        // the user's own view through the gateway, at the Location given
        as(user).get(first.header("Location")).then().statusCode(200).body("messageCount", equalTo(5));
        await().atMost(Duration.ofSeconds(30)).until(() -> KAFKA.records(
                EventContract.CONVERSATION_COMPLETED.topic(), user).size() >= 3);
        List<ConsumerRecord<String, String>> completions = KAFKA.records(
                EventContract.CONVERSATION_COMPLETED.topic(), user);
        assertThat(completions).extracting(record -> TestKafka.header(record, "ce_id"))
                .containsExactlyInAnyOrder(firstId, second, third);
    }

    @Test
    void theSameClientIdPostedAgainIsRecordedOnceAndAnswered200() {
        String user = newUser("memory");
        String clientId = "chat-" + UUID.randomUUID();
        String session = post(user, conversation(clientId, "I live in Porto.")).then().statusCode(201)
                .extract().path("sessionId");
        SessionStore.ended(user, session);

        Response again = post(user, conversation(clientId, "I live in Porto."));
        again.then().statusCode(200).body("sessionId", equalTo(session)).body("clientId", equalTo(clientId));
        assertThat(again.header("Location")).endsWith("/api/sessions/" + session);
        // a repeat with other content changes nothing either: the first post of a client id is the conversation
        post(user, conversation(clientId, "Something else entirely.")).then().statusCode(200)
                .body("sessionId", equalTo(session));
        settled(user);

        assertThat(SessionStore.session(user, session).getList("messages.content", String.class))
                .containsExactly("You are the app's assistant.", "I live in Porto.", "Noted.");
        List<String> completed = KAFKA.records(EventContract.CONVERSATION_COMPLETED.topic(), user).stream()
                .map(record -> TestKafka.header(record, "ce_id")).toList();
        assertThat(completed).containsOnlyOnce(session);
    }

    @Test
    void aRepeatArrivingBeforeTheFirstIsMaterializedStillRecordsTheMessagesOnce() {
        String user = newUser("memory");
        String clientId = "quick-" + UUID.randomUUID();
        String first = post(user, conversation(clientId, "I cycle to work.")).then().statusCode(201)
                .extract().path("sessionId");
        String second = post(user, conversation(clientId, "I cycle to work.")).then()
                .extract().path("sessionId");
        settled(user);

        assertThat(second).isEqualTo(first);
        assertThat(SessionStore.session(user, first).getInt("messageCount")).isEqualTo(3);
        assertThat(KAFKA.records(EventContract.CONVERSATION_COMPLETED.topic(), user).stream()
                .map(record -> TestKafka.header(record, "ce_id")).toList()).containsOnlyOnce(first);
    }

    @Test
    void twoUsersWithTheSameClientIdAreTwoSessions() {
        String alice = newUser("memory");
        String bob = newUser("memory");

        String ofAlice = post(alice, conversation("shared", "alice here")).then().statusCode(201)
                .extract().path("sessionId");
        String ofBob = post(bob, conversation("shared", "bob here")).then().statusCode(201)
                .extract().path("sessionId");

        assertThat(ofBob).isNotEqualTo(ofAlice);
        assertThat(SessionStore.ended(bob, ofBob).getString("messages[1].content")).isEqualTo("bob here");
    }

    @Test
    void aConversationNearTheSizeLimitIsRecordedWholeAndPublishedAsCompleted() {
        String user = newUser("memory");
        List<Map<String, String>> messages = new java.util.ArrayList<>();
        for (int i = 0; i < 24; i++) {
            messages.add(Map.of("role", i % 2 == 0 ? "user" : "assistant", "content", i + " " + "x".repeat(30_000)));
        }

        String session = post(user, Map.of("messages", messages)).then().statusCode(201).extract().path("sessionId");

        JsonPath stored = SessionStore.ended(user, session);
        assertThat(stored.getInt("messageCount")).isEqualTo(24);
        assertThat(stored.getString("messages[23].content")).startsWith("23 x");
        // its completion, as large, still fits in one record of the topic
        await().atMost(Duration.ofSeconds(30)).until(() -> !KAFKA.records(
                EventContract.CONVERSATION_COMPLETED.topic(), user).isEmpty());
    }

    @Test
    @DisabledOnIntegrationTest("the prod profile does not serve the API description")
    void theOpenApiDocumentDescribesTheMemoryApi() {
        JsonPath openApi = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();

        assertThat(openApi.getMap("paths.'/api/conversations'.post.responses")).containsKeys("200", "201", "400");
        assertThat(openApi.getList("paths.'/api/persona/prompt'.get.parameters.name", String.class))
                .contains("budget");
        assertThat(openApi.getMap("paths.'/api/persona/prompt'.get.responses")).containsKeys("200", "304", "400");
    }

    @Test
    void withoutATokenNothingIsRecorded() {
        given().contentType(ContentType.JSON).body(conversation(null, "hello")).post("/api/conversations")
                .then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("https://ai-persona.dev/problems/unauthenticated"));
    }
}
