package ai.persona.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The causes of 5xx found by sending bad input (issue 15): each is a client's mistake, answered 4xx with a problem that
 * names the field; before, PostgreSQL refused the value (NUL), the offset overflowed, or zjsonpatch threw.
 */
@QuarkusTest
class BadInputTest {

    private static final String PROBLEM = "application/problem+json";

    private static String user() {
        return "bad-input-" + UUID.randomUUID();
    }

    private static String messages(String json) {
        return "{\"messages\":[" + json + "]}";
    }

    @Test
    void aNulInAUserIdIsRefusedNaming_userId() {
        given().contentType(ContentType.JSON).body("{}").post("/users/{u}/sessions", "nul\u0000user")
                .then().statusCode(400).contentType(PROBLEM).body("field", equalTo("userId"));
        given().get("/users/{u}/sessions", "nul\u0000user")
                .then().statusCode(400).contentType(PROBLEM).body("field", equalTo("userId"));
        given().get("/users/{u}/persona", "nul\u0000user")
                .then().statusCode(400).contentType(PROBLEM).body("field", equalTo("userId"));
        given().get("/users/{u}/export", "nul\u0000user")
                .then().statusCode(400).contentType(PROBLEM).body("field", equalTo("userId"));
    }

    @Test
    void aNulInASessionIdIsRefusedNaming_sessionId() {
        String userId = user();
        SessionApiTest.createSession(userId);
        given().get("/users/{u}/sessions/{s}", userId, "nul\u0000session")
                .then().statusCode(400).contentType(PROBLEM).body("field", equalTo("sessionId"));
        given().contentType(ContentType.JSON).body(messages("{\"role\":\"USER\",\"content\":\"hi\"}"))
                .post("/users/{u}/sessions/{s}/messages", userId, "nul\u0000session")
                .then().statusCode(400).contentType(PROBLEM).body("field", equalTo("sessionId"));
        given().contentType(ContentType.JSON).body("{\"sessionId\":\"a\\u0000b\"}").post("/users/{u}/sessions", userId)
                .then().statusCode(400).contentType(PROBLEM).body("field", equalTo("sessionId"));
    }

    @Test
    void aNulInAMessageOrAToolCallIsRefusedNamingIt() {
        String userId = user();
        String sessionId = SessionApiTest.createSession(userId);
        given().contentType(ContentType.JSON).body(messages("{\"role\":\"USER\",\"content\":\"hi\\u0000there\"}"))
                .post("/users/{u}/sessions/{s}/messages", userId, sessionId)
                .then().statusCode(400).contentType(PROBLEM).body("field", equalTo("messages[0].content"));
        given().contentType(ContentType.JSON).body(messages("{\"role\":\"USER\",\"content\":\"ok\"},"
                + "{\"role\":\"ASSISTANT\",\"toolCalls\":[{\"id\":\"c1\",\"name\":\"f\",\"arguments\":\"{\\\"q\\\":\\\"\\u0000\\\"}\"}]}"))
                .post("/users/{u}/sessions/{s}/messages", userId, sessionId)
                .then().statusCode(400).contentType(PROBLEM).body("field", equalTo("messages[1].toolCalls[0].arguments"));
        given().get("/users/{u}/sessions/{s}", userId, sessionId).then().statusCode(200).body("messageCount", equalTo(0));
    }

    @Test
    void aLoneSurrogateIsRefusedNotStoredAsAQuestionMark() {
        String userId = user();
        String sessionId = SessionApiTest.createSession(userId);
        given().contentType(ContentType.JSON).body(messages("{\"role\":\"USER\",\"content\":\"half \\ud800 a pair\"}"))
                .post("/users/{u}/sessions/{s}/messages", userId, sessionId)
                .then().statusCode(400).contentType(PROBLEM).body("field", equalTo("messages[0].content"))
                .body("detail", containsString("lone surrogate"));
        given().get("/users/{u}/sessions/{s}", userId, sessionId).then().statusCode(200).body("messageCount", equalTo(0));
    }

    @Test
    void aNulOrALoneSurrogateInAPersonaValueIsRefusedAtItsPointer() {
        String userId = user();
        given().contentType(ContentType.JSON).body("{\"Preference\":{\"Preferred_Styles\":\"dry\\u0000wit\"}}")
                .put("/users/{u}/persona", userId)
                .then().statusCode(422).contentType(PROBLEM).body("violations[0].reason", equalTo("INVALID_TEXT"))
                .body("violations[0].path", equalTo("/Preference/Preferred_Styles"));
        given().contentType(ContentType.JSON).body("{\"Preference\":{\"Preferred_Styles\":\"dry\"}}")
                .put("/users/{u}/persona", userId).then().statusCode(200);
        given().contentType("application/json-patch+json").header("If-Match", "\"1\"")
                .body("[{\"op\":\"replace\",\"path\":\"/Preference/Preferred_Styles\",\"value\":\"\\udc00\"}]")
                .patch("/users/{u}/persona", userId)
                .then().statusCode(422).contentType(PROBLEM).body("violations[0].reason", equalTo("INVALID_TEXT"));
    }

    @Test
    void aPointerEscapeOtherThanTilde0Or1IsRefused() {
        String userId = user();
        given().contentType(ContentType.JSON).body("{\"Preference\":{\"Preferred_Styles\":\"dry\"}}")
                .put("/users/{u}/persona", userId).then().statusCode(200);
        given().contentType("application/json-patch+json").header("If-Match", "\"1\"")
                .body("[{\"op\":\"replace\",\"path\":\"/Preference/Preferred~2Styles\",\"value\":\"x\"}]")
                .patch("/users/{u}/persona", userId)
                .then().statusCode(422).contentType(PROBLEM)
                .body("violations[0].path", equalTo("/Preference/Preferred~2Styles"));
    }

    @Test
    void aPageBeyondAnyOffsetIsRefusedNaming_page() {
        String userId = user();
        SessionApiTest.createSession(userId);
        given().get("/users/{u}/sessions?page=2147483647&size=100", userId)
                .then().statusCode(400).contentType(PROBLEM).body("field", equalTo("page"));
        given().contentType(ContentType.JSON).body("{\"Preference\":{\"Preferred_Styles\":\"dry\"}}")
                .put("/users/{u}/persona", userId).then().statusCode(200);
        given().get("/users/{u}/persona/history?page=2147483647&size=100", userId)
                .then().statusCode(400).contentType(PROBLEM).body("field", equalTo("page"));
        given().get("/users/{u}/sessions?page=3&size=100", userId).then().statusCode(200);
    }

    @Test
    void aNewlineInASessionIdIsRefusedAndForgesNoLogLine() {
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(String.valueOf(record.getMessage()) + " " + List.of(record.getParameters() == null
                        ? new Object[0] : record.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            String userId = user();
            String forged = "s1\n2026-12-02 07:00:00,000 INFO  [ai.persona.session] FORGED admin granted";
            given().get("/users/{u}/sessions/{s}", userId, forged)
                    .then().statusCode(400).contentType(PROBLEM).body("field", equalTo("sessionId"))
                    .body("detail", containsString("control characters"));
            given().contentType(ContentType.JSON).body(messages("{\"role\":\"USER\",\"content\":\"hi\"}"))
                    .post("/users/{u}/sessions/{s}/end", userId, forged)
                    .then().statusCode(400).contentType(PROBLEM).body("field", equalTo("sessionId"));
        } finally {
            root.removeHandler(capture);
        }
        assertThat(logged).noneMatch(line -> line.contains("\n2026-12-02 07:00:00,000 INFO  [ai.persona.session] FORGED"));
    }
}
