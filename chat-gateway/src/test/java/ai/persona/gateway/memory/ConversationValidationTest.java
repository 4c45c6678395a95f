package ai.persona.gateway.memory;

import static ai.persona.gateway.memory.MemoryApiTest.post;
import static ai.persona.gateway.support.Users.as;
import static ai.persona.gateway.support.Users.newUser;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import ai.persona.gateway.support.SessionStore;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** What POST /api/conversations refuses: 400 with a problem naming the field, and nothing recorded. */
@QuarkusTest
class ConversationValidationTest {

    private static final String TYPE = "https://ai-persona.dev/problems/invalid-conversation";

    private static Map<String, Object> user(String content) {
        return Map.of("role", "user", "content", content);
    }

    private static List<Map<String, Object>> many(int count) {
        List<Map<String, Object>> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            messages.add(user("message " + i));
        }
        return messages;
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("no messages", Map.of("clientId", "c"), "messages"),
                Arguments.of("empty messages", Map.of("messages", List.of()), "messages"),
                Arguments.of("no user message", Map.of("messages", List.of(
                        Map.of("role", "assistant", "content", "hello"))), "messages"),
                Arguments.of("unknown role", Map.of("messages", List.of(user("hi"),
                        Map.of("role", "robot", "content", "beep"))), "messages[1].role"),
                Arguments.of("missing role", Map.of("messages", List.of(Map.of("content", "hi"))), "messages[0].role"),
                Arguments.of("blank content", Map.of("messages", List.of(user("hi"), user("  "))),
                        "messages[1].content"),
                Arguments.of("content over the limit", Map.of("messages", List.of(user("x".repeat(32_001)))),
                        "messages[0].content"),
                Arguments.of("more messages than a session holds", Map.of("messages", many(501)), "messages"),
                Arguments.of("more than a Kafka record holds", Map.of("messages", Collections.nCopies(27,
                        user("x".repeat(30_000)))), "messages"),
                Arguments.of("a tool call without a name", Map.of("messages", List.of(user("hi"),
                        Map.of("role", "assistant", "toolCalls", List.of(Map.of("id", "c1"))))),
                        "messages[1].toolCalls[0]"),
                Arguments.of("blank client id", Map.of("clientId", " ", "messages", List.of(user("hi"))), "clientId"),
                // JSON escapes: a Java string with a lone surrogate would reach the wire as "?"
                Arguments.of("a client id with a lone surrogate",
                        "{\"clientId\":\"c\\ud800\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
                        "clientId"),
                Arguments.of("a NUL in content", "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\\u0000\"}]}",
                        "messages[0].content"),
                Arguments.of("a lone surrogate in a tool call's arguments", "{\"messages\":[{\"role\":\"user\","
                        + "\"content\":\"hi\"},{\"role\":\"assistant\",\"toolCalls\":[{\"id\":\"c1\","
                        + "\"name\":\"f\",\"arguments\":\"\\udc00\"}]}]}",
                        "messages[1].toolCalls[0].arguments"),
                Arguments.of("a null message", Map.of("messages", Collections.singletonList(null)), "messages[0]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void anInvalidConversationIsRefusedNamingTheFieldAndNothingIsRecorded(String name, Object body,
            String field) {
        String user = newUser("invalid");

        post(user, body).then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo(TYPE))
                .body("status", equalTo(400))
                .body("field", equalTo(field))
                .body("instance", equalTo("/api/conversations"));

        // the refused post recorded nothing: once a valid post after it is in, the user has that session alone
        MemoryApiTest.settled(user);
        assertThat(SessionStore.asOperator().get("/users/{u}/sessions", user)
                .then().statusCode(200).extract().jsonPath().getLong("total")).isEqualTo(1);
    }

    @Test
    void aBodyThatIsNotJsonIsABadRequestProblem() {
        as(newUser("invalid")).contentType(ContentType.JSON).body("{\"messages\": [").post("/api/conversations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400));
    }

    @Test
    void aTimestampThatIsNotAnInstantIsAMalformedJsonProblem() {
        post(newUser("invalid"), Map.of("messages", List.of(Map.of("role", "user", "content", "hi", "at",
                "yesterday")))).then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("Instant"));
    }
}
