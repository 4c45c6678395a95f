package ai.persona.gateway;

import static ai.persona.gateway.OpenAiApiTest.complete;
import static ai.persona.gateway.support.Users.as;
import static ai.persona.gateway.support.Users.newSession;
import static ai.persona.gateway.support.Users.newUser;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import ai.persona.gateway.support.SessionStore;
import ai.persona.infra.testing.OpenAiStub;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The causes of 5xx found by sending bad input (issue 15), each now a 4xx naming the field: refused by the gateway by
 * the rule session-service applies too, or refused by session-service and relayed as it answered, not as a 503 "try
 * again" that clients retry for ever.
 */
@QuarkusTest
class BadInputTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String MODEL = OpenAiStub.MODEL;

    private static String openAi(String messages) {
        return "{\"model\":\"" + MODEL + "\",\"messages\":" + messages + "}";
    }

    @Test
    void aNulInANativeMessageIsRefusedNaming_content() {
        String user = newUser("bad");
        String session = newSession(user);
        as(user).contentType(ContentType.JSON).body("{\"content\":\"hi\\u0000there\"}")
                .post("/api/sessions/{id}/messages", session)
                .then().statusCode(400).contentType(PROBLEM).body("field", equalTo("content"));
        as(user).contentType(ContentType.JSON).body("{\"content\":\"half \\ud800 pair\"}")
                .post("/api/sessions/{id}/messages", session)
                .then().statusCode(400).contentType(PROBLEM).body("field", equalTo("content"))
                .body("detail", containsString("lone surrogate"));
    }

    @Test
    void aNulOrANewlineInASessionIdIsRefusedNamingIt() {
        String user = newUser("bad");
        as(user).get("/api/sessions/{id}", "nul\u0000id")
                .then().statusCode(400).contentType(PROBLEM).body("field", equalTo("sessionId"));
        as(user).post("/api/sessions/{id}/end", "forged\nINFO admin granted")
                .then().statusCode(400).contentType(PROBLEM).body("field", equalTo("sessionId"));
        // an HTTP client sends no control character in a header: a slash is what a header can carry that no id may
        as(user).header("X-Session-Id", "team/chat").contentType(ContentType.JSON)
                .body(openAi("[{\"role\":\"user\",\"content\":\"hi\"}]")).post("/v1/chat/completions")
                .then().statusCode(400).body("error.param", equalTo("X-Session-Id"))
                .body("error.type", equalTo("invalid_request_error"));
    }

    @Test
    void aNullMessageOnTheOpenAiApiIsRefusedNamingIt() {
        String user = newUser("bad");
        complete(user, openAi("[null]")).then().statusCode(400).body("error.param", equalTo("messages[0]"));
        complete(user, openAi("[{\"role\":\"user\",\"content\":\"hi\"}, \"just text\"]"))
                .then().statusCode(400).body("error.param", equalTo("messages[1]"));
        complete(user, openAi("[{\"role\":\"assistant\",\"tool_calls\":[null]}]"))
                .then().statusCode(400).body("error.param", equalTo("messages[0].tool_calls"));
    }

    @Test
    void aNulInOpenAiContentOrToolCallArgumentsIsRefusedNamingIt() {
        String user = newUser("bad");
        complete(user, openAi("[{\"role\":\"user\",\"content\":\"hi\\u0000\"}]"))
                .then().statusCode(400).body("error.param", equalTo("messages[0].content"));
        complete(user, openAi("[{\"role\":\"user\",\"content\":\"hi\"},{\"role\":\"assistant\",\"tool_calls\":"
                + "[{\"id\":\"c1\",\"type\":\"function\",\"function\":{\"name\":\"f\",\"arguments\":\"{\\\"q\\\":\\\"\\u0000\\\"}\"}}]},"
                + "{\"role\":\"tool\",\"tool_call_id\":\"c1\",\"content\":\"x\"}]"))
                .then().statusCode(400).body("error.param", equalTo("messages[1].tool_calls.0.function.arguments"));
        complete(user, openAi("[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"\\udc00\"}]}]"))
                .then().statusCode(400).body("error.param", equalTo("messages[0].content.0.text"));
    }

    @Test
    void aToolWhoseParametersAreNotAnObjectIsRefused() {
        complete(newUser("bad"), "{\"model\":\"" + MODEL + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],"
                + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\",\"parameters\":\"text\"}}]}")
                .then().statusCode(400).body("error.param", equalTo("tools"));
    }

    @Test
    void whatSessionServiceRefusesIsRelayedAsItsClientErrorNot503() {
        String user = newUser("bad");
        newSession(user);
        as(user).get("/api/sessions?page=2147483647&size=100")
                .then().statusCode(400).contentType(PROBLEM).body("field", equalTo("page"));
        long version = SessionStore.importPersona(user, "{\"Preference\":{\"Preferred_Styles\":\"dry\"}}");
        as(user).contentType("application/json-patch+json").header("If-Match", "\"" + version + "\"")
                .body("[{\"op\":\"replace\",\"path\":\"/Preference/Preferred_Styles\",\"value\":\"a\\u0000b\"}]")
                .patch("/api/persona")
                .then().statusCode(422).contentType(PROBLEM).body("violations[0].reason", equalTo("INVALID_TEXT"));
        as(user).contentType("application/json-patch+json").header("If-Match", "\"" + version + "\"")
                .body("[{\"op\":\"replace\",\"path\":\"/Preference/Preferred~2Styles\",\"value\":\"x\"}]")
                .patch("/api/persona")
                .then().statusCode(422).contentType(PROBLEM)
                .body("violations[0].path", equalTo("/Preference/Preferred~2Styles"));
    }
}
