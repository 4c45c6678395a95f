package ai.persona.infra.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * The model as an OpenAI-compatible HTTP endpoint (WireMock), the one stand-in the tests allow: whole replies as JSON,
 * streamed ones as server-sent events, tool calls, usage, errors, and answers held back. Each test scripts its answers
 * by a marker only its own requests contain (its message text), so tests sharing the server do not see each other's
 * replies; a request no script matches gets "ok". What the model received is there to inspect, by marker too.
 */
public final class OpenAiStub implements AutoCloseable {

    public static final String MODEL = "stub-model";
    public static final String PATH = "/v1/chat/completions";
    /** The usage every answer reports. */
    public static final int PROMPT_TOKENS = 10;
    public static final int COMPLETION_TOKENS = 5;
    /** The priority of the answer to requests no script matches (WireMock: 1 is tried first). */
    static final int DEFAULT_PRIORITY = 10;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WireMockServer server;
    private final ComputedAnswers computed;

    private OpenAiStub(WireMockServer server, ComputedAnswers computed) {
        this.server = server;
        this.computed = computed;
    }

    /** A stub on a free port, answering "ok" to every request until scripted otherwise. */
    public static OpenAiStub start() {
        ComputedAnswers computed = new ComputedAnswers();
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort().containerThreads(10)
                .extensions(computed));
        server.start();
        OpenAiStub stub = new OpenAiStub(server, computed);
        new StubAnswer(server, computed, List.of(), DEFAULT_PRIORITY, Duration.ZERO).replies("ok");
        return stub;
    }

    /** The base URL an OpenAI client is given: it ends in {@code /v1/}. */
    public String baseUrl() {
        return server.baseUrl() + "/v1/";
    }

    /**
     * How requests whose body contains every one of the markers are answered. A script with more markers is the more
     * specific and is tried first; among scripts with as many, the latest one wins.
     */
    public StubAnswer on(String... markers) {
        return new StubAnswer(server, computed, List.of(markers), Math.max(1, 5 - markers.length), Duration.ZERO);
    }

    /** Requests containing the marker get this text: whole, or streamed a few characters per chunk. */
    public void replies(String marker, String text) {
        on(marker).replies(text);
    }

    /** As {@link #replies}, but only after {@code hold}: a slow model, the caller's request in flight meanwhile. */
    public void repliesAfter(String marker, String text, Duration hold) {
        on(marker).after(hold).replies(text);
    }

    /** Requests containing the marker get a call of this tool: whole, or streamed with its arguments in two pieces. */
    public void callsTool(String marker, String callId, String tool, String arguments) {
        on(marker).callsTool(callId, tool, arguments);
    }

    /** Requests containing the marker fail with this HTTP status and an OpenAI error body. */
    public void failsWith(String marker, int status) {
        on(marker).failsWith(status);
    }

    /** The model is down for requests containing the marker: the connection is reset. */
    public void resetsConnection(String marker) {
        on(marker).resetsConnection();
    }

    /** The first request containing the marker fails with {@code status}; every later one gets {@code text}. */
    public void failsOnceThenReplies(String marker, int status, String text) {
        on(marker).failsOnceThenReplies(status, text);
    }

    /** The bodies of the requests received (answered or not) that contain every marker, oldest first. */
    public List<JsonNode> requests(String... markers) {
        return received(markers).stream().map(request -> read(request.getBodyAsString())).toList();
    }

    /** As {@link #requests}, as the text received. */
    public List<String> requestBodies(String... markers) {
        return received(markers).stream().map(LoggedRequest::getBodyAsString).toList();
    }

    public int count(String... markers) {
        return received(markers).size();
    }

    private List<LoggedRequest> received(String... markers) {
        RequestPatternBuilder pattern = postRequestedFor(urlEqualTo(PATH));
        for (String marker : markers) {
            pattern = pattern.withRequestBody(containing(marker));
        }
        return server.findAll(pattern);
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the model got a body that is not JSON: " + body, e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
