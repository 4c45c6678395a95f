package ai.persona.gateway.support;

import static ai.persona.gateway.support.Users.as;
import static ai.persona.gateway.support.Users.newSession;
import static ai.persona.gateway.support.Users.say;

import java.time.Duration;
import java.util.Map;

import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Users with past sessions, through the gateway's own API, and what the gateway stored about them. */
public final class PastSessionsSetup {

    private PastSessionsSetup() {
    }

    /** Switches the user's retrieval on (and personalization as given); the user. */
    public static String withRetrieval(String user, boolean personalization) {
        as(user).contentType(ContentType.JSON)
                .body(Map.of("personalization", personalization, "retrieval", "similar-session"))
                .put("/api/settings").then().statusCode(200);
        return user;
    }

    /** A session of one turn, ended; its id. */
    public static String ended(String user, String line) {
        String session = newSession(user);
        say(user, session, line);
        as(user).post("/api/sessions/{id}/end", session).then().statusCode(200);
        // past sessions are read from session-service, which has the end a moment after it was recorded
        SessionStore.ended(user, session);
        return session;
    }

    /** Rows of session_embeddings for the user, read by SQL. */
    public static long embeddedSessions(Pool db, String user) {
        return db.preparedQuery("select count(*) from session_embeddings where user_id = $1").execute(Tuple.of(user))
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }
}
