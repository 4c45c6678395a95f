package ai.persona.e2e;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;

import ai.persona.model.PersonaJson;

/**
 * One user of the gateway's native API who behaves like a real client when the system is in trouble: a request that
 * fails (5xx, connection refused or reset, no answer in time) is sent again, as it was, until it succeeds or a bound is
 * reached. It writes down what it knows: each session it opened and ended, and each turn with how many of its attempts
 * may have reached the gateway. A turn whose reply it received counts as said.
 */
final class PatientClient {

    /**
     * A turn that was answered after {@code attempts} attempts that may each have reached the gateway; {@code failed}
     * says how each failed attempt failed.
     */
    record Turn(String content, int attempts, List<String> failed) {
    }

    record Session(String id, List<Turn> turns) {
    }

    /** A request the client gave up on, or one refused for good (4xx): the load could not go on as a user would. */
    static final class GaveUp extends RuntimeException {
        GaveUp(String message) {
            super(message);
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    // longer than a turn can take inside the gateway (the producer gives up after 10 s), so a timed-out attempt is rare
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(150);

    /** An answer other than the expected one: to which operation, its status and body (ids masked). */
    record FailedAnswer(String op, int status, String body) {
        boolean isProblem() {
            return body.startsWith("{\"type\":");
        }
    }

    /** Every failed answer any client got, counted; and the first of each, as it came, with when and where. */
    static final Map<FailedAnswer, Integer> FAILED_ANSWERS = new ConcurrentHashMap<>();
    static final Map<FailedAnswer, String> FIRST_OF_EACH = new ConcurrentHashMap<>();

    final String userId;
    final List<Session> ended = new ArrayList<>();
    int retries;
    private final String baseUrl;
    private final String token;
    private final long loadDeadline;

    /** @param loadDeadline System.nanoTime() after which no request is retried any more: the whole load is bounded */
    PatientClient(String baseUrl, String userId, String token, long loadDeadline) {
        this.baseUrl = baseUrl;
        this.userId = userId;
        this.token = token;
        this.loadDeadline = loadDeadline;
    }

    String open() {
        return call("open a session", "/api/sessions", "", 201).response().get("id").asText();
    }

    /**
     * Opens a session and loses the answer, as when the connection drops just before the 201 arrives: the client never
     * learns the session's id (and opens another, with {@link #open()}).
     */
    void openAndLoseTheAnswer() {
        try {
            HTTP.send(post("/api/sessions", ""), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            // lost either way
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    Turn say(String sessionId, String content) {
        String body = PersonaJson.mapper().createObjectNode().put("content", content).toString();
        Outcome outcome = call("say " + content, "/api/sessions/" + sessionId + "/messages", body, 200);
        String reply = outcome.response().path("message").path("content").asText();
        if (!LlmStub.CHAT_REPLY.equals(reply)) {
            throw new GaveUp(userId + ": turn " + content + " answered with " + outcome.response());
        }
        return new Turn(content, outcome.attempts(), outcome.failed());
    }

    void end(String sessionId, List<Turn> turns) {
        call("end " + sessionId, "/api/sessions/" + sessionId + "/end", "", 200);
        ended.add(new Session(sessionId, List.copyOf(turns)));
    }

    private record Outcome(JsonNode response, int attempts, List<String> failed) {
    }

    /**
     * POSTs until the expected status. Attempts that may have reached the gateway are counted: every one but those
     * whose connection was never made (refused, or not made in time), where nothing was sent.
     */
    private Outcome call(String what, String path, String body, int expected) {
        HttpRequest request = post(path, body);
        long deadline = Math.min(System.nanoTime() + GIVE_UP_AFTER.toNanos(), loadDeadline);
        int attempts = 0;
        long backoff = 200;
        String last = "";
        List<String> failed = new ArrayList<>();
        long sent = 0;
        while (System.nanoTime() < deadline) {
            try {
                attempts++;
                sent = System.nanoTime();
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == expected) {
                    return new Outcome(PersonaJson.mapper().readTree(response.body()), attempts, List.copyOf(failed));
                }
                last = response.statusCode() + " " + response.body();
                failed.add(String.valueOf(response.statusCode()));
                FailedAnswer answer = new FailedAnswer(what.split(" ")[0], response.statusCode(), response.body()
                        .replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}(-[0-9]+)?", "<id>").replaceAll(userId, "<user>"));
                FAILED_ANSWERS.merge(answer, 1, Integer::sum);
                FIRST_OF_EACH.putIfAbsent(answer, Instant.now() + " " + path + " after "
                        + (System.nanoTime() - sent) / 1_000_000 + " ms: " + last);
                if (response.statusCode() < 500 && response.statusCode() != 429) {
                    throw new GaveUp(userId + ": " + what + " refused: " + last);
                }
            } catch (ConnectException | HttpConnectTimeoutException notSent) {
                attempts--;
                last = notSent.toString();
            } catch (IOException e) {
                last = e.toString();
                failed.add(e.getClass().getSimpleName());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GaveUp(userId + ": interrupted during " + what);
            }
            retries++;
            Chaos.sleep(Duration.ofMillis(backoff));
            backoff = Math.min(backoff * 2, 2000);
        }
        throw new GaveUp(userId + ": " + what + " given up after " + attempts + " attempts: " + last);
    }

    private HttpRequest post(String path, String body) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }
}
