package ai.persona.gateway;

import static ai.persona.gateway.OpenAiApiTest.request;
import static ai.persona.gateway.support.Users.as;
import static ai.persona.gateway.support.Users.newUser;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import ai.persona.gateway.support.SessionStore;
import ai.persona.infra.testing.OpenAiStub;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Repeated and concurrent requests (issue 15, item 7): a turn is stored once, a create makes one session. */
@QuarkusTest
class IdempotencyTest {

    static final int PARALLEL = 20;

    private static Response turn(String user, String sessionId, String body) {
        return as(user).header("X-Session-Id", sessionId).contentType(ContentType.JSON).body(body)
                .post("/v1/chat/completions");
    }

    static <T> List<T> inParallel(java.util.concurrent.Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < PARALLEL; i++) {
                futures.add(pool.submit(call));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twentyParallelIdenticalOpenAiTurnsStoreTheUserMessageOnce() throws Exception {
        String user = newUser("twenty");
        String named = "chat-" + user;
        String first = request("once-" + user, false);

        List<Response> replies = inParallel(() -> turn(user, named, first));

        assertThat(replies).extracting(Response::statusCode).containsOnly(200);
        Set<String> sessions = replies.stream().map(r -> r.header("X-Session-Id")).collect(Collectors.toSet());
        assertThat(sessions).hasSize(1);
        String session = sessions.iterator().next();
        // the next turn's event follows the twenty on the user's partition: once it is stored, so are they
        String second = """
                {"model":"%s","messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"once-%s"},
                 {"role":"assistant","content":"ok"},{"role":"user","content":"and then?"}]}""".formatted(OpenAiStub.MODEL, user);
        turn(user, named, second).then().statusCode(200);
        assertThat(SessionStore.recorded(user, session, 5).getList("messages.content", String.class))
                .containsExactly("Be brief.", "once-" + user, "ok", "and then?", "ok");
    }

    @Test
    void aSessionIdAnotherUserNamedFirstIsNoHoldOnItsOwner() {
        String squatter = newUser("squatter");
        String owner = newUser("owner");
        String named = "team-chat-" + owner;
        String squatted = turn(squatter, named, request("mine now", false)).then().statusCode(200).extract()
                .header("X-Session-Id");

        String owners = turn(owner, named, request("hello " + owner, false)).then().statusCode(200).extract()
                .header("X-Session-Id");
        String again = turn(owner, named, """
                {"model":"%s","messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"hello %s"},
                 {"role":"assistant","content":"ok"},{"role":"user","content":"still me"}]}""".formatted(OpenAiStub.MODEL,
                owner)).then().statusCode(200).extract().header("X-Session-Id");

        assertThat(owners).isEqualTo(again).isNotEqualTo(squatted).isNotEqualTo(named);
        assertThat(SessionStore.recorded(owner, owners, 5).getList("messages.content", String.class))
                .containsExactly("Be brief.", "hello " + owner, "ok", "still me", "ok");
        assertThat(SessionStore.recorded(squatter, squatted, 3).getList("messages.content", String.class))
                .containsExactly("Be brief.", "mine now", "ok");
        as(owner).get("/api/sessions/{id}", squatted).then().statusCode(404);
    }

    @Test
    void aSessionOpenedOnTheNativeApiIsContinuedByItsIdOnTheOpenAiApi() {
        String user = newUser("native-then-openai");
        String session = as(user).contentType(ContentType.JSON).post("/api/sessions").then().statusCode(201).extract()
                .path("id");

        turn(user, session, request("continued", false)).then().statusCode(200).header("X-Session-Id", session);
        assertThat(SessionStore.recorded(user, session, 3).getList("messages.content", String.class))
                .containsExactly("Be brief.", "continued", "ok");
    }

    @Test
    void theSameIdempotencyKeyFromTheSameUserCreatesOneSession() throws Exception {
        String user = newUser("idem");
        String other = newUser("idem-other");
        String key = "create-" + user;

        List<String> ids = inParallel(() -> as(user).header("Idempotency-Key", key).post("/api/sessions")
                .then().statusCode(201).extract().<String>path("id"));
        String othersId = as(other).header("Idempotency-Key", key).post("/api/sessions")
                .then().statusCode(201).extract().path("id");

        assertThat(Set.copyOf(ids)).hasSize(1);
        assertThat(othersId).isNotEqualTo(ids.get(0));
        as(user).get("/api/sessions").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(1));
        as(user).header("Idempotency-Key", "bad/key").post("/api/sessions").then().statusCode(400)
                .body("field", org.hamcrest.Matchers.equalTo("Idempotency-Key"));
    }
}
