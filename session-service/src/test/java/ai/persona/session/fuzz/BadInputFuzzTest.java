package ai.persona.session.fuzz;

import static ai.persona.input.FuzzRun.segment;
import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import ai.persona.input.FuzzInput;
import ai.persona.input.FuzzRun;
import ai.persona.input.FuzzRun.Endpoint;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Generated requests across every endpoint of session-service (issue 15): random strings with control characters,
 * NULs and lone surrogates, huge numbers, nulls and wrong JSON types, in paths, queries, headers and bodies. None may
 * be answered with a 5xx: bad input is the client's mistake. The seed is fixed so a failure reproduces; another one is
 * given with -Dfuzz.seed=..., more tries with -Dfuzz.tries=....
 */
@QuarkusTest
class BadInputFuzzTest {

    private static final long SEED = Long.getLong("fuzz.seed", 15L);
    private static final int TRIES = Integer.getInteger("fuzz.tries", 1_200);
    private static final String JSON = "application/json";

    private static Endpoint endpoint(String name, Function<FuzzInput, Response> call) {
        return new Endpoint(name, in -> {
            Response response = call.apply(in);
            return new FuzzRun.Answer(response.statusCode(), response.asString());
        });
    }

    private static RequestSpecification request(FuzzInput in) {
        // encoded here (see segment): RestAssured would read "{...}" in a value as a template
        return given().urlEncodingEnabled(false);
    }

    private static RequestSpecification json(FuzzInput in, String body) {
        return request(in).contentType(in.chance(90) ? JSON : in.oneOf("text/plain", "application/xml"))
                .body(body.getBytes(StandardCharsets.UTF_8));
    }

    private static String user(FuzzInput in) {
        return segment(in.chance(60) ? "fuzz-" + in.below(40) : in.string());
    }

    private static String session(FuzzInput in) {
        return segment(in.chance(50) ? "fuzz-session-" + in.below(20) : in.string());
    }

    private static String message(FuzzInput in) {
        String role = in.or(FuzzInput.quoted(in.oneOf("USER", "ASSISTANT", "SYSTEM", "TOOL", "user", "wizard")));
        String toolCalls = in.or(in.array(() -> "{\"id\":" + in.or(FuzzInput.quoted(in.string())) + ",\"name\":"
                + in.or(FuzzInput.quoted(in.string())) + ",\"arguments\":" + in.or(FuzzInput.quoted(in.string())) + "}"));
        return in.or("{\"role\":" + role + ",\"content\":" + in.or(FuzzInput.quoted(in.string())) + ",\"at\":"
                + in.or("\"2026-12-02T07:00:00Z\"") + ",\"toolCalls\":" + toolCalls + ",\"toolCallId\":"
                + in.or(FuzzInput.quoted(in.string())) + "}");
    }

    private static String patch(FuzzInput in) {
        return in.array(() -> in.or("{\"op\":" + in.or(FuzzInput.quoted(in.oneOf("add", "replace", "remove", "test",
                "move", "copy"))) + ",\"path\":" + in.or(FuzzInput.quoted(in.oneOf("/Preference/Preferred_Styles",
                        "/Pattern/Tea_Habit", "/Preference/Preferred~2Styles", "/Pattern/", "") + in.string()))
                + ",\"value\":" + in.value(1) + ",\"reason\":" + in.or(FuzzInput.quoted(in.string())) + "}"));
    }

    private static List<Endpoint> endpoints() {
        List<Endpoint> all = new ArrayList<>();
        all.add(endpoint("create session", in -> json(in, in.body("{\"sessionId\":" + in.or(FuzzInput.quoted(
                session(in))) + ",\"startedAt\":" + in.or("\"2026-12-01T00:00:00Z\"") + "}"))
                .post("/users/" + user(in) + "/sessions")));
        all.add(endpoint("list sessions", in -> request(in).queryParam("page", segment(in.numberOrString()))
                .queryParam("size", segment(in.numberOrString())).get("/users/" + user(in) + "/sessions")));
        all.add(endpoint("get session", in -> request(in).get("/users/" + user(in) + "/sessions/" + session(in))));
        all.add(endpoint("append", in -> json(in, in.body("{\"messages\":" + in.or(in.array(() -> message(in)))
                + "}")).queryParam("include", segment(in.oneOf("messages", "", in.string())))
                .post("/users/" + user(in) + "/sessions/" + session(in) + "/messages")));
        all.add(endpoint("end", in -> json(in, in.body("{\"reason\":" + in.or(FuzzInput.quoted(in.string()))
                + "}")).post("/users/" + user(in) + "/sessions/" + session(in) + "/end")));
        all.add(endpoint("published", in -> request(in).post("/users/" + user(in) + "/sessions/" + session(in)
                + "/published")));
        all.add(endpoint("persona", in -> request(in).get("/users/" + user(in) + "/persona")));
        all.add(endpoint("history", in -> request(in).queryParam("page", segment(in.numberOrString()))
                .queryParam("size", segment(in.numberOrString())).get("/users/" + user(in) + "/persona/history")));
        all.add(endpoint("version", in -> request(in).get("/users/" + user(in) + "/persona/versions/"
                + segment(in.numberOrString()))));
        all.add(endpoint("diff", in -> request(in).queryParam("from", segment(in.numberOrString()))
                .queryParam("to", segment(in.numberOrString())).get("/users/" + user(in) + "/persona/diff")));
        all.add(endpoint("edit", in -> request(in).contentType("application/json-patch+json")
                .header("If-Match", in.chance(50) ? "\"" + in.below(3) + "\"" : in.headerValue())
                .body(in.body(patch(in)).getBytes(StandardCharsets.UTF_8)).patch("/users/" + user(in) + "/persona")));
        all.add(endpoint("rollback", in -> json(in, in.body("{\"toVersion\":" + in.or(in.numberOrString()) + "}"))
                .header("If-Match", in.headerValue()).post("/users/" + user(in) + "/persona/rollback")));
        all.add(endpoint("replace", in -> json(in, in.body("{\"Preference\":{\"Preferred_Styles\":" + in.value(1)
                + "}," + FuzzInput.quoted(in.string()) + ":" + in.object(1) + "}")).put("/users/" + user(in) + "/persona")));
        all.add(endpoint("export", in -> request(in).get("/users/" + user(in) + "/export")));
        all.add(endpoint("delete user", in -> request(in).delete("/users/" + user(in))));
        all.add(endpoint("unpublished", in -> request(in).queryParam("limit", segment(in.numberOrString()))
                .get("/sessions/unpublished")));
        // never a short idleFor: it would end the sessions of the tests that run after this one
        all.add(endpoint("end idle", in -> request(in)
                .queryParam("idleFor", segment(in.oneOf("P3650D", "PT0S", "-PT1H", "PT", "P1Y", in.string())))
                .queryParam("limit", segment(in.numberOrString()))
                .post("/sessions/end-idle")));
        return all;
    }

    @Test
    void noGeneratedRequestOnAnyEndpointIsAnsweredWithA5xx() {
        FuzzRun.assertNoServerError(SEED, TRIES, endpoints(), answer -> false);
    }
}
