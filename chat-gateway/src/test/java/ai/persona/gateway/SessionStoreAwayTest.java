package ai.persona.gateway;

import static ai.persona.gateway.OpenAiApiTest.complete;
import static ai.persona.gateway.OpenAiApiTest.request;
import static ai.persona.gateway.support.Users.as;
import static ai.persona.gateway.support.Users.newUser;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ai.persona.gateway.support.SessionServiceProcess;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * session-service away (issue 15, item 6): every call that needs it answers the documented 503 problem with a
 * Retry-After, not a bare 500. The REST client's connection refused is a checked java.net.ConnectException (Netty's
 * AnnotatedConnectException).
 */
@QuarkusTest
@TestProfile(SessionStoreAwayTest.StoreAway.class)
class SessionStoreAwayTest {

    public static class StoreAway implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(SessionServiceProcess.URL_PROPERTY, "http://127.0.0.1:" + closedPort());
        }

        private static int closedPort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void theNativeApiAnswers503ProblemWithRetryAfter() {
        String user = newUser("away");
        as(user).contentType(ContentType.JSON).post("/api/sessions")
                .then().statusCode(503).contentType("application/problem+json").header("Retry-After", "2")
                .body("type", equalTo("https://ai-persona.dev/problems/session-store-unavailable"));
        as(user).get("/api/sessions").then().statusCode(503).header("Retry-After", "2");
        as(user).get("/api/sessions/{id}", "s1").then().statusCode(503).header("Retry-After", "2");
        as(user).get("/api/persona").then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "2");
    }

    @Test
    void theOpenAiApiAnswers503InItsErrorShapeWithRetryAfter() {
        complete(newUser("away"), request("anyone there?", false))
                .then().statusCode(503).header("Retry-After", "2")
                .body("error.type", equalTo("server_error")).body("error.code", equalTo("session_store_unavailable"));
    }
}
