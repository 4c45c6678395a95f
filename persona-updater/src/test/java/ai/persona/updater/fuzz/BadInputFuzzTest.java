package ai.persona.updater.fuzz;

import static ai.persona.input.FuzzRun.segment;
import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import ai.persona.input.FuzzInput;
import ai.persona.input.FuzzRun;
import ai.persona.input.FuzzRun.Endpoint;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Generated requests across every endpoint of persona-updater (issue 15), as session-service's and the gateway's
 * fuzz tests do for theirs: random strings with control characters, NULs and lone surrogates, odd numbers, nulls and
 * wrong JSON types, in paths, queries and bodies. None may be answered with a 5xx. The seed is fixed so a failure
 * reproduces; -Dfuzz.seed=... gives another, -Dfuzz.tries=... more tries. Flushes only reach the fuzz's own users.
 */
@QuarkusTest
class BadInputFuzzTest {

    private static final long SEED = Long.getLong("fuzz.seed", 15L);
    private static final int TRIES = Integer.getInteger("fuzz.tries", 600);
    private static final String JSON = "application/json";

    private static Endpoint endpoint(String name, Function<FuzzInput, Response> call) {
        return new Endpoint(name, in -> {
            Response response = call.apply(in);
            return new FuzzRun.Answer(response.statusCode(), response.asString());
        });
    }

    private static RequestSpecification request() {
        // encoded here (see segment): RestAssured would read "{...}" in a value as a template
        return given().urlEncodingEnabled(false);
    }

    private static RequestSpecification json(FuzzInput in, String body) {
        return request().contentType(in.chance(90) ? JSON : in.oneOf("text/plain", "application/xml"))
                .body(body.getBytes(StandardCharsets.UTF_8));
    }

    private static String user(FuzzInput in) {
        return segment(in.chance(60) ? "fuzz-" + in.below(40) : in.string());
    }

    private static String batch(FuzzInput in) {
        return segment(in.chance(40) ? UUID.nameUUIDFromBytes(new byte[] { (byte) in.below(8) }).toString()
                : in.numberOrString());
    }

    private static List<Endpoint> endpoints() {
        List<Endpoint> all = new ArrayList<>();
        all.add(endpoint("user state", in -> request().get("/users/" + user(in))));
        all.add(endpoint("settings", in -> json(in, in.body("{\"learningEnabled\":" + in.or(in.oneOf("true",
                "false")) + ",\"batchSize\":" + in.or(in.numberOrString()) + ",\"optimizerMode\":"
                + in.or(FuzzInput.quoted(in.oneOf("paper", "conservative", "PAPER", in.string()))) + "}"))
                .put("/users/" + user(in) + "/settings")));
        all.add(endpoint("flush", in -> request().post("/users/" + user(in) + "/flush")));
        all.add(endpoint("batches", in -> request().queryParam("userId", user(in))
                .queryParam("status", segment(in.oneOf("PARKED", "done", "", in.string())))
                .queryParam("limit", segment(in.numberOrString())).get("/batches")));
        all.add(endpoint("batch", in -> request().get("/batches/" + batch(in))));
        all.add(endpoint("rerun", in -> request().post("/batches/" + batch(in) + "/rerun")));
        return all;
    }

    @Test
    void noGeneratedRequestOnAnyEndpointIsAnsweredWithA5xx() {
        FuzzRun.assertNoServerError(SEED, TRIES, endpoints(), answer -> false);
    }
}
