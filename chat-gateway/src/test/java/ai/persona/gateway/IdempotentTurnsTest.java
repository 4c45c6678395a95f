package ai.persona.gateway;

import static ai.persona.gateway.IdempotencyTest.PARALLEL;
import static ai.persona.gateway.IdempotencyTest.inParallel;
import static ai.persona.gateway.support.Users.as;
import static ai.persona.gateway.support.Users.newSession;
import static ai.persona.gateway.support.Users.newUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import ai.persona.gateway.service.UserMemory;
import ai.persona.gateway.support.SessionStore;
import ai.persona.infra.testing.InjectOpenAiStub;
import ai.persona.infra.testing.OpenAiStub;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** A native turn sent with an Idempotency-Key is one turn: recorded once, the model asked once, its reply replayed. */
@QuarkusTest
class IdempotentTurnsTest {

    private static final String REPLAYED = "Idempotent-Replayed";

    @InjectOpenAiStub
    OpenAiStub llm;

    @Inject
    UserMemory memory;

    private static Response keyed(String user, String session, String key, String content) {
        return as(user).contentType(ContentType.JSON).header("Idempotency-Key", key).body(Map.of("content", content))
                .post("/api/sessions/{id}/messages", session);
    }

    private static Response keyedStream(String user, String session, String key, String content) {
        return as(user).contentType(ContentType.JSON).accept("text/event-stream").header("Idempotency-Key", key)
                .body(Map.of("content", content))
                .post("/api/sessions/{id}/messages", session);
    }

    private static List<String> stored(String user, String session, int messages) {
        return SessionStore.recorded(user, session, messages).getList("messages.content", String.class);
    }

    @Test
    void twentyParallelIdenticalKeyedTurnsAskTheModelOnceAndStoreTheTurnOnce() throws Exception {
        String user = newUser("keyed");
        String session = newSession(user);
        String said = "keyed-twenty-" + user;
        // held, so that the others arrive while the first is in flight
        llm.repliesAfter(said, "Once for all twenty.", Duration.ofSeconds(1));

        List<Response> answers = inParallel(() -> keyed(user, session, "turn-1", said));

        assertThat(answers).extracting(Response::statusCode).containsOnly(200);
        assertThat(answers).extracting(answer -> answer.<String>path("message.content"))
                .containsOnly("Once for all twenty.");
        Set<Object> messages = answers.stream().map(answer -> answer.path("message")).collect(Collectors.toSet());
        assertThat(messages).hasSize(1);
        List<String> replayed = answers.stream().map(answer -> String.valueOf(answer.header(REPLAYED))).toList();
        assertThat(replayed).filteredOn("true"::equals).hasSize(PARALLEL - 1);
        assertThat(replayed).filteredOn("null"::equals).hasSize(1);
        assertThat(llm.count(said)).isEqualTo(1);
        // a later turn's event follows the keyed one on the user's partition: once it is stored, so is all before it
        keyed(user, session, "turn-2", "then-" + user).then().statusCode(200);
        // (the stub answers it alike: its conversation holds the keyed message)
        assertThat(stored(user, session, 4))
                .containsExactly(said, "Once for all twenty.", "then-" + user, "Once for all twenty.");
    }

    @Test
    void aRepeatedKeyReplaysTheFirstReplyAsJsonOrAsEventsWithoutTheModel() {
        String user = newUser("keyed");
        String session = newSession(user);
        String said = "keyed-replay-" + user;
        llm.replies(said, "Streamed the first time.");

        String live = keyedStream(user, session, "k", said).then().statusCode(200).header(REPLAYED, nullValue())
                .extract().asString();
        Response json = keyed(user, session, "k", said);
        String replayedStream = keyedStream(user, session, "k", said).then().statusCode(200)
                .header(REPLAYED, "true").extract().asString();

        json.then().statusCode(200).header(REPLAYED, "true")
                .body("sessionId", equalTo(session))
                .body("message.content", equalTo("Streamed the first time."));
        String done = frames(live).get(frames(live).size() - 1);
        assertThat(frames(replayedStream)).hasSize(2);
        assertThat(frames(replayedStream).get(0))
                .isEqualTo("data: {\"type\":\"delta\",\"content\":\"Streamed the first time.\"}");
        assertThat(frames(replayedStream).get(1)).isEqualTo(done);
        assertThat(llm.count(said)).isEqualTo(1);
        keyed(user, session, "k2", "then-" + user).then().statusCode(200);
        assertThat(stored(user, session, 4))
                .containsExactly(said, "Streamed the first time.", "then-" + user, "Streamed the first time.");
    }

    private static List<String> frames(String body) {
        return List.of(body.split("\n\n"));
    }

    @Test
    void theKeyWithAnotherMessageIsRefusedNamingTheHeader() {
        String user = newUser("keyed");
        String session = newSession(user);
        keyed(user, session, "k", "first-" + user).then().statusCode(200);

        keyed(user, session, "k", "other-" + user).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", endsWith("/idempotency-key-reused"))
                .body("field", equalTo("Idempotency-Key"));
        keyedStream(user, session, "k", "other-" + user).then().statusCode(422)
                .body("field", equalTo("Idempotency-Key"));

        keyed(user, session, "bad/key", "other-" + user).then().statusCode(400)
                .body("field", equalTo("Idempotency-Key"));

        assertThat(llm.count("other-" + user)).isZero();
        keyed(user, session, "k2", "then-" + user).then().statusCode(200);
        assertThat(stored(user, session, 4)).containsExactly("first-" + user, "ok", "then-" + user, "ok");
    }

    @Test
    void anotherKeyIsAnotherTurnAndAnotherUsersKeyIsTheirOwn() {
        String user = newUser("keyed");
        String other = newUser("keyed-other");
        String session = newSession(user);
        String othersSession = newSession(other);
        String said = "keyed-same-" + user;

        keyed(user, session, "k", said).then().statusCode(200).header(REPLAYED, nullValue());
        keyed(user, session, "k2", said).then().statusCode(200).header(REPLAYED, nullValue());
        keyed(other, othersSession, "k", said).then().statusCode(200).header(REPLAYED, nullValue());

        assertThat(llm.count(said)).isEqualTo(3);
        assertThat(stored(user, session, 4)).containsExactly(said, "ok", said, "ok");
        assertThat(stored(other, othersSession, 2)).containsExactly(said, "ok");
    }

    @Test
    void aKeyedTurnThatFailedMayBeSentAgainWithTheSameKey() {
        String user = newUser("keyed");
        String session = newSession(user);
        String said = "keyed-fails-" + user;
        llm.failsOnceThenReplies(said, 500, "Back again.");

        keyed(user, session, "k", said).then().statusCode(503).body("type", endsWith("/llm-unavailable"));
        keyed(user, session, "k", said).then().statusCode(200).header(REPLAYED, nullValue())
                .body("message.content", equalTo("Back again."));
        keyed(user, session, "k", said).then().statusCode(200).header(REPLAYED, "true")
                .body("message.content", equalTo("Back again."));

        assertThat(llm.count(said)).isEqualTo(2);
        // the retry's model request holds the user's message as often as the failed one did: not again as history
        List<String> requests = llm.requestBodies(said);
        assertThat(requests.get(1).split(Pattern.quote(said), -1)).hasSameSizeAs(requests.get(0).split(
                Pattern.quote(said), -1));
        // the failed attempt kept what the user said (nothing they wrote is lost), the retry added the reply to it; each
        // event is applied whole, so the count passes 2 only if the message was stored twice (1, then 3)
        assertThat(stored(user, session, 2)).containsExactly(said, "Back again.");
    }

    @Test
    void anInstanceThatDoesNotKnowTheKeyAsksTheModelAgainButTheFirstTurnStaysTheOneStored() {
        String user = newUser("keyed");
        String session = newSession(user);
        String said = "keyed-elsewhere-" + user;
        llm.replies(said, "First answer.");
        keyed(user, session, "k", said).then().statusCode(200);
        llm.replies(said, "Second answer.");

        // what another instance (or this one after a restart) holds of the user: nothing
        memory.forget(user);
        keyed(user, session, "k", said).then().statusCode(200).header(REPLAYED, nullValue())
                .body("message.content", equalTo("Second answer."));

        assertThat(llm.count(said)).isEqualTo(2);
        keyed(user, session, "k2", "then-" + user).then().statusCode(200);
        assertThat(stored(user, session, 4)).containsExactly(said, "First answer.", "then-" + user, "Second answer.");
    }

    @Test
    void aDeletedUsersKeyedReplyIsNotReplayed() {
        String user = newUser("keyed");
        String session = newSession(user);
        keyed(user, session, "k", "forget-me-" + user).then().statusCode(200);

        as(user).delete("/api/me").then().statusCode(204);

        keyed(user, session, "k", "forget-me-" + user).then().statusCode(404);
    }
}
