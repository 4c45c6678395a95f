package ai.persona.gateway;

import static ai.persona.gateway.support.PastSessionsSetup.embeddedSessions;
import static ai.persona.gateway.support.PastSessionsSetup.ended;
import static ai.persona.gateway.support.PastSessionsSetup.withRetrieval;
import static ai.persona.gateway.support.Users.as;
import static ai.persona.gateway.support.Users.newSession;
import static ai.persona.gateway.support.Users.newUser;
import static ai.persona.gateway.support.Users.say;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import ai.persona.gateway.support.SessionStore;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;

/** The retrieval setting through /api/settings, and the stored embeddings: exported, and deleted with the user. */
@QuarkusTest
class RetrievalSettingsTest {

    private static final String CAR = "My car makes a grinding noise when I brake, do the pads need replacing?";

    @Inject
    Pool db;

    @Test
    void settingsRoundTripAndAFieldLeftOutKeepsItsValue() {
        String user = newUser("rag");
        as(user).get("/api/settings").then().statusCode(200)
                .body("personalization", equalTo(true)).body("retrieval", equalTo("none"));
        as(user).contentType(ContentType.JSON).body(Map.of("retrieval", "similar-session")).put("/api/settings")
                .then().statusCode(200).body("personalization", equalTo(true)).body("retrieval", equalTo("similar-session"));
        as(user).contentType(ContentType.JSON).body(Map.of("personalization", false)).put("/api/settings")
                .then().statusCode(200).body("personalization", equalTo(false)).body("retrieval", equalTo("similar-session"));
        as(user).get("/api/settings").then().statusCode(200)
                .body("personalization", equalTo(false)).body("retrieval", equalTo("similar-session"));
        as(user).contentType(ContentType.JSON).body(Map.of("personalization", true, "retrieval", "none"))
                .put("/api/settings").then().statusCode(200)
                .body("personalization", equalTo(true)).body("retrieval", equalTo("none"));
    }

    @Test
    void anUnknownRetrievalIsAProblemAndChangesNothing() {
        String user = withRetrieval(newUser("rag"), false);

        as(user).contentType(ContentType.JSON).body(Map.of("personalization", true, "retrieval", "everything"))
                .put("/api/settings").then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400)).body("title", equalTo("Bad request"))
                .body("type", endsWith("/bad-request")).body("instance", equalTo("/api/settings"))
                .body("detail", containsString("\"everything\""));
        as(user).contentType(ContentType.JSON).body("{}").put("/api/settings")
                .then().statusCode(400).contentType("application/problem+json");

        as(user).get("/api/settings").then().statusCode(200)
                .body("personalization", equalTo(false)).body("retrieval", equalTo("similar-session"));
    }

    @Test
    void myEmbeddingsAreExportedAndDeletedWithMe() {
        String user = withRetrieval(newUser("rag"), false);
        String past = ended(user, CAR);
        say(user, newSession(user), "before-delete-" + user + " brakes");
        assertThat(embeddedSessions(db, user)).isEqualTo(1);
        as(user).get("/api/me/export").then().statusCode(200)
                .body("embeddedSessionIds", hasItem(past)).body("gatewaySettings.retrieval", equalTo("similar-session"));

        as(user).delete("/api/me").then().statusCode(204);

        assertThat(embeddedSessions(db, user)).isZero();
    }

    @Test
    void aUserDeletedElsewhereLosesTheirEmbeddingsOnTheTombstone() {
        String user = withRetrieval(newUser("rag"), false);
        ended(user, CAR);
        say(user, newSession(user), "tombstone-" + user + " brakes");
        assertThat(embeddedSessions(db, user)).isEqualTo(1);

        SessionStore.deleteUser(user);

        await().atMost(Duration.ofSeconds(30)).until(() -> embeddedSessions(db, user) == 0);
    }
}
