package ai.persona.updater.fuzz;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import ai.persona.input.FuzzInput;
import io.quarkus.logging.Log;
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

    private record Endpoint(String name, Function<FuzzInput, Response> call) {
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

    /** Percent-encoded as a path segment or query value (a slash too). */
    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static List<Endpoint> endpoints() {
        List<Endpoint> all = new ArrayList<>();
        all.add(new Endpoint("user state", in -> request().get("/users/" + user(in))));
        all.add(new Endpoint("settings", in -> json(in, in.body("{\"learningEnabled\":" + in.or(in.oneOf("true",
                "false")) + ",\"batchSize\":" + in.or(in.numberOrString()) + ",\"optimizerMode\":"
                + in.or(FuzzInput.quoted(in.oneOf("paper", "conservative", "PAPER", in.string()))) + "}"))
                .put("/users/" + user(in) + "/settings")));
        all.add(new Endpoint("flush", in -> request().post("/users/" + user(in) + "/flush")));
        all.add(new Endpoint("batches", in -> request().queryParam("userId", user(in))
                .queryParam("status", segment(in.oneOf("PARKED", "done", "", in.string())))
                .queryParam("limit", segment(in.numberOrString())).get("/batches")));
        all.add(new Endpoint("batch", in -> request().get("/batches/" + batch(in))));
        all.add(new Endpoint("rerun", in -> request().post("/batches/" + batch(in) + "/rerun")));
        return all;
    }

    @Test
    void noGeneratedRequestOnAnyEndpointIsAnsweredWithA5xx() {
        FuzzInput in = new FuzzInput(SEED);
        List<Endpoint> endpoints = endpoints();
        List<String> serverErrors = new ArrayList<>();
        int[] byClass = new int[6];
        for (int i = 0; i < TRIES; i++) {
            Endpoint endpoint = endpoints.get(i % endpoints.size());
            Response response = endpoint.call().apply(in);
            byClass[response.statusCode() / 100]++;
            if (response.statusCode() >= 500) {
                serverErrors.add("try " + i + " " + endpoint.name() + ": " + response.statusCode() + " "
                        + response.asString());
            }
        }
        Log.infof("fuzz seed %d: %d tries over %d endpoints: %d 2xx, %d 4xx, %d 5xx", SEED, TRIES, endpoints.size(),
                byClass[2], byClass[4], byClass[5]);
        assertThat(serverErrors).as("5xx answers (seed %d)", SEED).isEmpty();
        assertThat(byClass[4]).as("the generator reaches the checks").isGreaterThan(TRIES / 4);
        assertThat(byClass[2]).as("the generator also makes requests that pass").isPositive();
    }
}
