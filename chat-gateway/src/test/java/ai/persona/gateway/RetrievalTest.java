package ai.persona.gateway;

import static ai.persona.gateway.support.PastSessionsSetup.embeddedSessions;
import static ai.persona.gateway.support.PastSessionsSetup.ended;
import static ai.persona.gateway.support.PastSessionsSetup.withRetrieval;
import static ai.persona.gateway.support.Users.as;
import static ai.persona.gateway.support.Users.newSession;
import static ai.persona.gateway.support.Users.newUser;
import static ai.persona.gateway.support.Users.say;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import ai.persona.gateway.support.SessionStore;
import ai.persona.infra.testing.InjectOpenAiStub;
import ai.persona.infra.testing.OpenAiStub;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The "similar-session" retrieval: the user's most similar ended session goes into the prompt, and nothing else; once
 * per session, for its opening message.
 */
@QuarkusTest
class RetrievalTest {

    private static final String HEADER = "A past conversation with this user that may be relevant";
    private static final String TEA = "我想找一款适合秋天喝的乌龙茶，最好香气浓一点";
    private static final String CAR = "My car makes a grinding noise when I brake, do the pads need replacing?";
    private static final String PYTHON = "My Python script fails with KeyError when I read the config dictionary";

    @InjectOpenAiStub
    OpenAiStub llm;

    @Inject
    Pool db;

    @Test
    void theMostSimilarEndedSessionFollowsThePersonaAndNoOtherSessionIsAdded() {
        String user = withRetrieval(newUser("rag"), true);
        SessionStore.importPersona(user, """
                {"Demographics":{"Career_Information":"lighthouse keeper"}}""");
        ended(user, TEA);
        ended(user, CAR);
        ended(user, PYTHON);

        say(user, newSession(user), "rag-" + user + " 秋天喝什么茶比较好？");
        String system = systemMessage("rag-" + user);
        assertThat(system).contains("\nuser: " + TEA).doesNotContain(CAR).doesNotContain(PYTHON);
        assertThat(system.indexOf("lighthouse keeper")).isNotNegative().isLessThan(system.indexOf(HEADER));

        say(user, newSession(user), "again-" + user + " why does reading my settings dict in python raise KeyError?");
        assertThat(systemMessage("again-" + user)).contains(PYTHON).doesNotContain(TEA).doesNotContain(CAR);
        assertThat(embeddedSessions(db, user)).as("each session embedded once").isEqualTo(3);
    }

    @Test
    void theOpenAiCompatibleApiGetsTheRetrievedSessionToo() {
        String user = withRetrieval(newUser("rag"), false);
        ended(user, TEA);
        ended(user, CAR);

        as(user).contentType(ContentType.JSON).body("""
                {"model":"%s","messages":[{"role":"user","content":"openai-%s brake pads squeal"}]}"""
                .formatted(OpenAiStub.MODEL, user))
                .post("/v1/chat/completions").then().statusCode(200);

        assertThat(systemMessage("openai-" + user)).startsWith(HEADER).contains(CAR).doesNotContain(TEA);
    }

    @Test
    void theCurrentSessionIsNeverRetrieved() {
        String user = withRetrieval(newUser("rag"), false);
        ended(user, CAR);
        String current = newSession(user);
        say(user, current, "current-" + user + " " + PYTHON);
        say(user, current, "again-" + user + " Python KeyError config");

        // the only other ended session is retrieved, however unlike; the current one only as the conversation itself
        assertThat(systemMessage("again-" + user)).contains(CAR).doesNotContain("current-" + user);
    }

    @Test
    void oneRetrievalPerSessionForItsOpeningMessage() {
        String user = withRetrieval(newUser("rag"), false);
        ended(user, TEA);
        ended(user, CAR);
        String current = newSession(user);

        say(user, current, "open-" + user + " 秋天喝什么茶比较好？");
        say(user, current, "follow-" + user + " and my brake pads squeal, what now?");

        assertThat(systemMessage("open-" + user)).contains(TEA).doesNotContain(CAR);
        assertThat(systemMessage("follow-" + user)).as("the session's retrieval, not one for the follow-up")
                .contains(TEA).doesNotContain(CAR);
        say(user, newSession(user), "next-" + user + " my brake pads squeal, what now?");
        assertThat(systemMessage("next-" + user)).contains(CAR).doesNotContain(TEA);
    }

    @Test
    void aVectorOfTheModelUsedBeforeIsMadeAgainWithTheCurrentOne() {
        String user = withRetrieval(newUser("rag"), false);
        String tea = ended(user, TEA);
        ended(user, CAR);
        say(user, newSession(user), "first-" + user + " brake pads squeal");
        // as if the deployment embedded the tea session with all-MiniLM-L6-v2 (384 floats) before switching models
        Float[] older = new Float[384];
        java.util.Arrays.fill(older, 0.1f);
        db.preparedQuery("update session_embeddings set embedding = $3 where user_id = $1 and session_id = $2")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(user, tea, older)).await().indefinitely();

        say(user, newSession(user), "tea-" + user + " 秋天喝什么茶比较好？");

        assertThat(systemMessage("tea-" + user)).contains(TEA).doesNotContain(CAR);
        assertThat(db.preparedQuery("select cardinality(embedding) from session_embeddings where session_id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(tea)).await().indefinitely().iterator().next()
                .getInteger(0)).isEqualTo(512);
    }

    @Test
    void anotherUsersSessionsAreNeverRetrieved() {
        String other = withRetrieval(newUser("rag"), false);
        ended(other, TEA);
        String user = withRetrieval(newUser("rag"), false);
        String myTea = "Which green tea should I brew for a calm afternoon?";
        ended(user, myTea);
        ended(user, CAR);

        say(user, newSession(user), "mine-" + user + " " + TEA + " oolong tea for autumn");

        assertThat(systemMessage("mine-" + user)).contains(myTea).doesNotContain(TEA.substring(0, 8));
    }

    @Test
    void withRetrievalOffNothingIsEmbeddedOrAdded() {
        String user = newUser("rag");
        ended(user, TEA);
        say(user, newSession(user), "off-" + user + " 乌龙茶");

        JsonNode messages = llm.requests("off-" + user).get(0).path("messages");
        assertThat(messages).hasSize(1);
        assertThat(messages.path(0).path("role").asText()).isEqualTo("user");
        assertThat(embeddedSessions(db, user)).isZero();
    }

    private String systemMessage(String marker) {
        JsonNode messages = llm.requests(marker).get(0).path("messages");
        assertThat(messages.path(0).path("role").asText()).isEqualTo("system");
        return messages.path(0).path("content").asText();
    }
}
