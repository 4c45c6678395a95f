package ai.persona.gateway;

import static ai.persona.gateway.support.Users.as;
import static ai.persona.gateway.support.Users.newSession;
import static ai.persona.gateway.support.Users.newUser;
import static ai.persona.gateway.support.Users.say;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ai.persona.gateway.support.SessionStore;
import ai.persona.infra.testing.InjectOpenAiStub;
import ai.persona.infra.testing.OpenAiStub;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class NativeApiTest {

    @InjectOpenAiStub
    OpenAiStub llm;

    @Test
    void aTurnStoresTheUsersMessageAndTheRepliesInTheSession() {
        String user = newUser("native");
        String session = newSession(user);
        llm.replies("marker-turn-" + user, "Green tea, then.");

        assertThat(say(user, session, "marker-turn-" + user + " what should I drink?")).isEqualTo("Green tea, then.");

        assertThat(SessionStore.recorded(user, session, 2).getList("messages.role"))
                .containsExactly("USER", "ASSISTANT");
        assertThat(SessionStore.session(user, session).getList("messages.content", String.class))
                .containsExactly("marker-turn-" + user + " what should I drink?", "Green tea, then.");
    }

    @Test
    void theModelGetsTheWholeStoredConversation() {
        String user = newUser("native");
        String session = newSession(user);
        say(user, session, "first " + user);
        say(user, session, "second " + user);

        List<String> contents = llm.requests("second " + user).get(0).findValuesAsText("content");
        assertThat(contents).containsExactly("first " + user, "ok", "second " + user);
    }

    @Test
    void acceptingEventStreamsGetsTheReplyAsServerSentEventsEndingWithTheStoredMessage() {
        String user = newUser("native");
        String session = newSession(user);
        llm.replies("marker-sse-" + user, "Streams arrive in pieces.");

        String body = as(user).contentType(ContentType.JSON).accept("text/event-stream")
                .body(Map.of("content", "marker-sse-" + user))
                .post("/api/sessions/{id}/messages", session)
                .then().statusCode(200).contentType(startsWith("text/event-stream"))
                .extract().asString();

        List<String> frames = List.of(body.split("\n\n"));
        assertThat(frames).allMatch(frame -> frame.startsWith("data: "));
        assertThat(frames.size()).isGreaterThan(3);
        assertThat(frames.get(0)).contains("\"type\":\"delta\"");
        assertThat(frames.get(frames.size() - 1)).contains("\"type\":\"done\"").contains("Streams arrive in pieces.");
        assertThat(SessionStore.recorded(user, session, 2).getList("messages.content", String.class))
                .containsExactly("marker-sse-" + user, "Streams arrive in pieces.");
    }

    @Test
    void myListHoldsMySessionsNewestFirst() {
        String user = newUser("native");
        String older = newSession(user);
        String newer = newSession(user);

        as(user).get("/api/sessions?size=1").then().statusCode(200)
                .body("total", equalTo(2)).body("items.size()", equalTo(1)).body("items[0].id", equalTo(newer));
        as(user).get("/api/sessions?page=1&size=1").then().statusCode(200).body("items[0].id", equalTo(older));
    }

    @Test
    void emptyOversizedAndMisdirectedMessagesAreProblemsNotFailures() {
        String user = newUser("native");
        String session = newSession(user);
        as(user).contentType(ContentType.JSON).body(Map.of("content", " "))
                .post("/api/sessions/{id}/messages", session)
                .then().statusCode(400).contentType("application/problem+json");
        as(user).contentType(ContentType.JSON).body(Map.of("content", "x".repeat(32_001)))
                .post("/api/sessions/{id}/messages", session)
                .then().statusCode(413).contentType("application/problem+json");
        as(user).contentType(ContentType.JSON).body("{not json")
                .post("/api/sessions/{id}/messages", session)
                .then().statusCode(400).contentType("application/problem+json");
        as(user).contentType(ContentType.JSON).body(Map.of("content", "hello"))
                .post("/api/sessions/{id}/messages", "no-such-session")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", containsString("not-found"));
    }

    @Test
    void anEndedSessionTakesNoMoreMessages() {
        String user = newUser("native");
        String session = newSession(user);
        as(user).post("/api/sessions/{id}/end", session).then().statusCode(200);

        as(user).contentType(ContentType.JSON).body(Map.of("content", "still there?"))
                .post("/api/sessions/{id}/messages", session)
                .then().statusCode(409).body("type", containsString("session-ended"));
    }

    @Test
    void whenTheModelIsDownTheAnswerIs503AndTheMessageIsKept() {
        String user = newUser("native");
        String session = newSession(user);
        llm.resetsConnection("marker-down-" + user);

        as(user).contentType(ContentType.JSON).body(Map.of("content", "marker-down-" + user))
                .post("/api/sessions/{id}/messages", session)
                .then().statusCode(503).contentType("application/problem+json")
                .body("type", containsString("llm-unavailable"));
        as(user).contentType(ContentType.JSON).accept("text/event-stream")
                .body(Map.of("content", "marker-down-" + user + " again"))
                .post("/api/sessions/{id}/messages", session)
                .then().statusCode(503).contentType("application/problem+json");

        as(user).get("/api/sessions/{id}", session).then().statusCode(200)
                .body("messages.content", hasItem("marker-down-" + user))
                .body("messages.content", hasItem("marker-down-" + user + " again"));
    }
}
