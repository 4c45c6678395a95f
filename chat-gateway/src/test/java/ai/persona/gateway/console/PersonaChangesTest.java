package ai.persona.gateway.console;

import static ai.persona.gateway.support.Users.newUser;
import static ai.persona.gateway.support.Users.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import ai.persona.gateway.support.SessionStore;
import ai.persona.model.PersonaJson;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** GET /api/persona-changes: the signed-in user's new persona versions as server-sent events, and nobody else's. */
@QuarkusTest
class PersonaChangesTest {

    @TestHTTPResource("/api/persona-changes")
    URL changes;

    /** Reads the stream on a thread of its own, handing over each event's data. */
    private BlockingQueue<JsonNode> follow(String user) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(changes.toString()))
                .header("Authorization", "Bearer " + token(user))
                .header("Accept", "text/event-stream")
                .build();
        HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("data:")) {
                        events.add(PersonaJson.mapper().readTree(line.substring(5).trim()));
                    }
                }
            } catch (Exception e) {
                // the stream closed with the test
            }
        });
        reader.setDaemon(true);
        reader.start();
        return events;
    }

    private static JsonNode next(BlockingQueue<JsonNode> events, String type) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode event = events.poll(1, TimeUnit.SECONDS);
            if (event != null && type.equals(event.path("type").asText())) {
                return event;
            }
        }
        throw new AssertionError("no " + type + " event within 30 s");
    }

    @Test
    void aFollowerSeesItsOwnNewVersionsAndNoOtherUsers() throws Exception {
        String me = newUser("changes-me");
        String other = newUser("changes-other");
        BlockingQueue<JsonNode> events = follow(me);
        next(events, "connected");

        SessionStore.importPersona(other, """
                {"Demographics":{"Name":"Other"}}""");
        SessionStore.importPersona(me, """
                {"Demographics":{"Name":"Me"}}""");

        JsonNode first = next(events, "persona-changed");
        assertThat(first.path("version").asLong()).isEqualTo(1);
        assertThat(first.path("source").asText()).isEqualTo("IMPORT");
        assertThat(first.path("changedAt").isTextual()).isTrue();
        // the other user's change went out before both of mine: had it been passed on, it would be here by the second
        SessionStore.importPersona(me, """
                {"Demographics":{"Name":"Me again"}}""");
        JsonNode second = next(events, "persona-changed");
        assertThat(second.path("version").asLong()).isEqualTo(2);
        assertThat(events).noneMatch(event -> "persona-changed".equals(event.path("type").asText()));
    }

    @Test
    void withoutATokenTheStreamIsRefusedWithAProblem() {
        given().accept("text/event-stream").get(changes.toString())
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("https://ai-persona.dev/problems/unauthenticated"));
    }
}
