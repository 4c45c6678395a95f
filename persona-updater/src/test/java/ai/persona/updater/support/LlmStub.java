package ai.persona.updater.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

/**
 * The model stub seen from a test: answers and recorded requests are scoped by a marker that only one test's
 * conversations contain, so tests sharing the stub do not see each other.
 */
public final class LlmStub {

    public static final String MODEL = "stub-model";
    public static final String PATH = "/v1/chat/completions";
    /** A phrase only the repair request contains (prompts/optimizer-repair.txt). */
    public static final String REPAIR_PHRASE = "Your previous answer to this request was rejected";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final WireMockServer server;

    LlmStub(WireMockServer server) {
        this.server = server;
    }

    /** Every request of this test (first and repair) is answered with {@code content}. */
    public void answer(String marker, String content) {
        server.stubFor(post(urlEqualTo(PATH))
                .withRequestBody(containing(marker))
                .willReturn(okJson(completion(content))));
    }

    /** Every request of this test is answered with {@code content}, but only after {@code delay}: a slow model. */
    public void answerAfter(String marker, String content, java.time.Duration delay) {
        server.stubFor(post(urlEqualTo(PATH))
                .withRequestBody(containing(marker))
                .willReturn(okJson(completion(content)).withFixedDelay((int) delay.toMillis())));
    }

    /** Repair requests of this test get {@code content}; takes precedence over {@link #answer}. */
    public void answerRepair(String marker, String content) {
        server.stubFor(post(urlEqualTo(PATH))
                .atPriority(1)
                .withRequestBody(containing(marker))
                .withRequestBody(containing(REPAIR_PHRASE))
                .willReturn(okJson(completion(content))));
    }

    /** The first request fails with {@code status}; every later one gets {@code content}. */
    public void failOnceThenAnswer(String marker, int status, String content) {
        String scenario = "fail-once-" + marker;
        server.stubFor(post(urlEqualTo(PATH))
                .inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED)
                .withRequestBody(containing(marker))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"slow down\",\"type\":\"rate_limit\"}}"))
                .willSetStateTo("failed"));
        server.stubFor(post(urlEqualTo(PATH))
                .inScenario(scenario)
                .whenScenarioStateIs("failed")
                .withRequestBody(containing(marker))
                .willReturn(okJson(completion(content))));
    }

    /** Every request of this test fails with {@code status}; a later {@link #answer} takes over. */
    public void fail(String marker, int status) {
        server.stubFor(post(urlEqualTo(PATH))
                .withRequestBody(containing(marker))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"unavailable\",\"type\":\"server_error\"}}")));
    }

    /** The request bodies this test's conversations caused, oldest first. */
    public List<JsonNode> requests(String marker) {
        return server.findAll(postRequestedFor(urlEqualTo(PATH)).withRequestBody(containing(marker))).stream()
                .map(request -> read(request.getBodyAsString()))
                .toList();
    }

    public int count(String marker) {
        return requests(marker).size();
    }

    /** An OpenAI chat completion whose message content is {@code content}. */
    public static String completion(String content) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("id", "chatcmpl-test").put("object", "chat.completion").put("created", 1_700_000_000L).put("model", MODEL);
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", content);
        body.putObject("usage").put("prompt_tokens", 1200).put("completion_tokens", 80).put("total_tokens", 1280);
        return body.toString();
    }

    private static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
