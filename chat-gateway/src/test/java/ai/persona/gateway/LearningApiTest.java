package ai.persona.gateway;

import static ai.persona.gateway.support.Users.as;
import static ai.persona.gateway.support.Users.newUser;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * /api/learning at the gateway's edge: its input is checked before the updater is asked, and an updater that is away
 * is the documented 503 problem. (Reading and changing the settings through a real updater: e2e-tests' MemoryApiIT.)
 */
@QuarkusTest
class LearningApiTest {

    @Test
    void anUpdaterThatIsAwayIsA503ProblemWithRetryAfter() {
        String user = newUser("learning");
        as(user).get("/api/learning").then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", equalTo("2"))
                .body("type", equalTo("https://ai-persona.dev/problems/learning-unavailable"))
                .body("status", equalTo(503));
        as(user).contentType(ContentType.JSON).body("{\"learning\": false}").put("/api/learning")
                .then().statusCode(503)
                .body("type", equalTo("https://ai-persona.dev/problems/learning-unavailable"));
    }

    @Test
    void aChangeNamesTheFieldItGotWrongBeforeTheUpdaterIsAsked() {
        String user = newUser("learning");
        as(user).contentType(ContentType.JSON).body("{\"sessionsPerUpdate\": 0}").put("/api/learning")
                .then().statusCode(400).body("field", equalTo("sessionsPerUpdate"));
        as(user).contentType(ContentType.JSON).body("{\"sessionsPerUpdate\": 2.5}").put("/api/learning")
                .then().statusCode(400).body("field", equalTo("sessionsPerUpdate"));
        as(user).contentType(ContentType.JSON).body("{\"learning\": \"no\"}").put("/api/learning")
                .then().statusCode(400).body("field", equalTo("learning"));
        as(user).contentType(ContentType.JSON).body("{}").put("/api/learning")
                .then().statusCode(400).body("detail", equalTo("give {\"learning\": true|false} and/or "
                        + "{\"sessionsPerUpdate\": n} (null: the default)"));
        as(user).contentType(ContentType.JSON).body("[true]").put("/api/learning").then().statusCode(400);
    }

    @Test
    void learningNeedsAToken() {
        given().get("/api/learning").then().statusCode(401);
    }
}
