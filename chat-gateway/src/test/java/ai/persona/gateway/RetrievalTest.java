package ai.persona.gateway;

import static ai.persona.gateway.support.Users.as;
import static ai.persona.gateway.support.Users.newSession;
import static ai.persona.gateway.support.Users.newUser;
import static ai.persona.gateway.support.Users.say;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import ai.persona.gateway.support.InjectLlmStub;
import ai.persona.gateway.support.LlmStub;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** The "similar-session" retrieval: the user's most similar ended session goes into the prompt, and nothing else. */
@QuarkusTest
class RetrievalTest {

    private static final String TEA = "我想找一款适合秋天喝的乌龙茶，最好香气浓一点";
    private static final String CAR = "My car makes a grinding noise when I brake, do the pads need replacing?";
    private static final String PYTHON = "My Python script fails with KeyError when I read the config dictionary";

    @InjectLlmStub
    LlmStub llm;

    @Inject
    Pool db;

    @Test
    void theMostSimilarEndedSessionOfTheUserIsAddedAndNoOther() {
        String user = withRetrieval(newUser("rag"));
        ended(user, TEA);
        ended(user, CAR);
        ended(user, PYTHON);

        say(user, newSession(user), "rag-" + user + " 秋天喝什么茶比较好？");

        String system = systemMessage("rag-" + user);
        assertThat(system).contains(TEA).doesNotContain(CAR).doesNotContain(PYTHON);
        assertThat(embeddedSessions(user)).isEqualTo(3);
    }

    @Test
    void theOpenAiCompatibleApiGetsTheRetrievedSessionToo() {
        String user = withRetrieval(newUser("rag"));
        ended(user, TEA);
        ended(user, CAR);

        as(user).contentType(ContentType.JSON).body("""
                {"model":"%s","messages":[{"role":"user","content":"openai-%s brake pads squeal"}]}"""
                .formatted(LlmStub.MODEL, user))
                .post("/v1/chat/completions").then().statusCode(200);

        assertThat(systemMessage("openai-" + user)).contains(CAR).doesNotContain(TEA);
    }

    @Test
    void theCurrentSessionAndOtherUsersSessionsAreNeverRetrieved() {
        String other = newUser("rag");
        ended(other, TEA);
        String user = withRetrieval(newUser("rag"));
        String current = newSession(user);
        say(user, current, "current-" + user + " " + PYTHON);
        say(user, current, "again-" + user + " Python KeyError config");

        JsonNode request = llm.requests("again-" + user).get(0);
        assertThat(request.path("messages").path(0).path("role").asText()).isEqualTo("user");
        assertThat(request.toString()).doesNotContain(TEA);
    }

    @Test
    void withRetrievalOffNothingIsEmbeddedOrAdded() {
        String user = newUser("rag");
        ended(user, TEA);
        say(user, newSession(user), "off-" + user + " 乌龙茶");

        assertThat(llm.requests("off-" + user).get(0).path("messages")).hasSize(1);
        assertThat(embeddedSessions(user)).isZero();
    }

    @Test
    void settingsChangePartlyAndAnUnknownRetrievalIsAProblem() {
        String user = newUser("rag");
        as(user).get("/api/settings").then().statusCode(200).body("personalization", equalTo(true))
                .body("retrieval", equalTo("none"));
        as(user).contentType(ContentType.JSON).body(Map.of("retrieval", "similar-session")).put("/api/settings")
                .then().statusCode(200).body("personalization", equalTo(true)).body("retrieval", equalTo("similar-session"));
        as(user).contentType(ContentType.JSON).body(Map.of("personalization", false)).put("/api/settings")
                .then().statusCode(200).body("personalization", equalTo(false)).body("retrieval", equalTo("similar-session"));
        as(user).contentType(ContentType.JSON).body(Map.of("retrieval", "everything")).put("/api/settings")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("everything"));
        as(user).get("/api/settings").then().statusCode(200).body("retrieval", equalTo("similar-session"));
    }

    @Test
    void deletingMeDeletesMyEmbeddings() {
        String user = withRetrieval(newUser("rag"));
        ended(user, CAR);
        say(user, newSession(user), "before-delete-" + user + " brakes");
        assertThat(embeddedSessions(user)).isEqualTo(1);
        as(user).get("/api/me/export").then().statusCode(200).body("embeddedSessionIds.size()", equalTo(1));

        as(user).delete("/api/me").then().statusCode(204);

        assertThat(embeddedSessions(user)).isZero();
    }

    private static String withRetrieval(String user) {
        as(user).contentType(ContentType.JSON).body(Map.of("personalization", false, "retrieval", "similar-session"))
                .put("/api/settings").then().statusCode(200);
        return user;
    }

    private static void ended(String user, String line) {
        String session = newSession(user);
        say(user, session, line);
        as(user).post("/api/sessions/{id}/end", session).then().statusCode(200);
    }

    private String systemMessage(String marker) {
        JsonNode messages = llm.requests(marker).get(0).path("messages");
        assertThat(messages.path(0).path("role").asText()).isEqualTo("system");
        return messages.path(0).path("content").asText();
    }

    private long embeddedSessions(String user) {
        return db.preparedQuery("select count(*) from session_embeddings where user_id = $1").execute(Tuple.of(user))
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }
}
