package ai.persona.gateway;

import static ai.persona.gateway.support.Users.as;
import static ai.persona.gateway.support.Users.newSession;
import static ai.persona.gateway.support.Users.newUser;
import static ai.persona.gateway.support.Users.say;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import java.util.Map;

import org.junit.jupiter.api.Test;

import ai.persona.gateway.support.SessionStore;
import ai.persona.infra.testing.OpenAiStub;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** User A's token never reaches user B's sessions or persona, whatever A puts in paths, headers or bodies. */
@QuarkusTest
class AuthorizationTest {

    private static final String PERSONA_B = "{\"Demographics\":{\"Name\":\"Bertha\"}}";

    @Test
    void aForeignSessionIdIsUnknownOnEverySessionEndpoint() {
        String alice = newUser("alice");
        String bob = newUser("bob");
        String bobs = newSession(bob);
        say(bob, bobs, "bob's secret " + bob);

        as(alice).get("/api/sessions/{id}", bobs).then().statusCode(404);
        as(alice).contentType(ContentType.JSON).body(Map.of("content", "hi")).post("/api/sessions/{id}/messages", bobs)
                .then().statusCode(404);
        as(alice).contentType(ContentType.JSON).accept("text/event-stream").body(Map.of("content", "hi"))
                .post("/api/sessions/{id}/messages", bobs).then().statusCode(404);
        as(alice).post("/api/sessions/{id}/end", bobs).then().statusCode(404);
        // naming bob's session id gets alice her own session (ids a client names are scoped to its user)
        String alices = as(alice).header("X-Session-Id", bobs).contentType(ContentType.JSON)
                .body("{\"model\":\"" + OpenAiStub.MODEL + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .post("/v1/chat/completions").then().statusCode(200).extract().header("X-Session-Id");
        assertThat(alices).isNotEqualTo(bobs);
        as(alice).get("/api/sessions").then().statusCode(200).body("items.id", not(hasItem(bobs)));

        assertThat(SessionStore.recorded(bob, bobs, 2).getList("messages.content", String.class))
                .containsExactly("bob's secret " + bob, "ok");
        as(bob).get("/api/sessions/{id}", bobs).then().statusCode(200).body("messageCount", equalTo(2))
                .body("endedAt", equalTo(null));
    }

    @Test
    void personaAndDataEndpointsOnlyEverServeTheTokensOwnUser() {
        String alice = newUser("alice");
        String bob = newUser("bob");
        SessionStore.importPersona(bob, PERSONA_B);
        newSession(alice);

        as(alice).get("/api/persona").then().statusCode(200).body(not(containsString("Bertha")));
        as(alice).get("/api/persona/history").then().statusCode(200).body(not(containsString("Bertha")));
        as(alice).get("/api/persona/versions/1").then().statusCode(404);
        as(alice).get("/api/persona/diff?from=0&to=1").then().statusCode(404);
        as(alice).contentType(ContentType.JSON).body("{\"toVersion\":1}").post("/api/persona/rollback")
                .then().statusCode(404);
        as(alice).get("/api/me/export").then().statusCode(200).body("userId", equalTo(alice))
                .body(not(containsString("Bertha")));
        as(alice).delete("/api/me").then().statusCode(204);

        as(bob).get("/api/persona").then().statusCode(200).body("persona.Demographics.Name", equalTo("Bertha"));
        as(bob).get("/api/me/export").then().statusCode(200).body("history.persona.Demographics.Name", hasItem("Bertha"));
    }

    @Test
    void withoutAValidTokenEveryEndpointAnswers401() {
        // a token with bob's subject that no key of ours signed
        given().auth().oauth2("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJib2IifQ.c2lnbmF0dXJl").get("/api/persona")
                .then().statusCode(401);
        for (String path : new String[] { "/api/sessions", "/api/persona", "/api/persona/history", "/api/me/export",
                "/api/settings", "/v1/models" }) {
            given().get(path).then().statusCode(401);
        }
        given().post("/api/sessions").then().statusCode(401);
        given().delete("/api/me").then().statusCode(401);
        given().contentType(ContentType.JSON).body("{}").post("/v1/chat/completions").then().statusCode(401);
        given().contentType("application/json-patch+json").body("[]").patch("/api/persona").then().statusCode(401);
    }
}
