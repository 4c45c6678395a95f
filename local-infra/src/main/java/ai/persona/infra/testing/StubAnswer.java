package ai.persona.infra.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.not;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

/**
 * One script of the {@link OpenAiStub}: how the requests containing its markers are answered. Whole and streamed
 * requests (those with {@code "stream": true}) get the same answer in their own shape.
 */
public final class StubAnswer {

    private final WireMockServer server;
    private final ComputedAnswers computed;
    private final List<String> markers;
    private final int priority;
    private final Duration hold;

    StubAnswer(WireMockServer server, ComputedAnswers computed, List<String> markers, int priority, Duration hold) {
        this.server = server;
        this.computed = computed;
        this.markers = markers;
        this.priority = priority;
        this.hold = hold;
    }

    /** The same answer, sent only after {@code hold}: a slow model, the call in flight meanwhile. */
    public StubAnswer after(Duration hold) {
        return new StubAnswer(server, computed, markers, priority, hold);
    }

    public void replies(String text) {
        server.stubFor(request(true).willReturn(held(sse(OpenAiWire.textStream(text)))));
        server.stubFor(request(false).willReturn(held(json(200, OpenAiWire.completion(OpenAiWire.textMessage(text),
                "stop", OpenAiStub.PROMPT_TOKENS, OpenAiStub.COMPLETION_TOKENS)))));
    }

    /**
     * The text of each answer is computed from the request's JSON body by {@code answer}, whole or streamed; should it
     * throw, the request gets a 500 that names the failure.
     */
    public void computes(Function<JsonNode, String> answer) {
        computesMessage(request -> OpenAiWire.textMessage(answer.apply(request)));
    }

    /** As {@link #computes}, for the whole assistant message: its {@code content}, or {@code tool_calls}. */
    public void computesMessage(Function<JsonNode, ObjectNode> answer) {
        server.stubFor(anyRequest().willReturn(held(aResponse().withTransformers(ComputedAnswers.NAME)
                .withTransformerParameter(ComputedAnswers.ANSWER_ID, computed.register(answer)))));
    }

    public void callsTool(String callId, String tool, String arguments) {
        server.stubFor(request(true).willReturn(held(sse(OpenAiWire.toolCallStream(callId, tool, arguments)))));
        server.stubFor(request(false).willReturn(held(json(200, OpenAiWire.completion(
                OpenAiWire.toolCallMessage(callId, tool, arguments), "tool_calls", OpenAiStub.PROMPT_TOKENS,
                OpenAiStub.COMPLETION_TOKENS)))));
    }

    public void failsWith(int status) {
        server.stubFor(anyRequest().willReturn(held(json(status, OpenAiWire.error("unavailable", "server_error")))));
    }

    public void resetsConnection() {
        server.stubFor(anyRequest().willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    }

    /** The first matching request fails with {@code status}; every later one gets {@code text} (whole replies only). */
    public void failsOnceThenReplies(int status, String text) {
        String scenario = "fails-once-" + UUID.randomUUID();
        server.stubFor(anyRequest().inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(held(json(status, OpenAiWire.error("slow down", "rate_limit"))))
                .willSetStateTo("failed"));
        server.stubFor(anyRequest().inScenario(scenario).whenScenarioStateIs("failed")
                .willReturn(held(json(200, OpenAiWire.completion(OpenAiWire.textMessage(text), "stop",
                        OpenAiStub.PROMPT_TOKENS, OpenAiStub.COMPLETION_TOKENS)))));
    }

    private MappingBuilder request(boolean streamed) {
        var stream = matchingJsonPath("$.stream", equalTo("true"));
        return anyRequest().withRequestBody(streamed ? stream : not(stream));
    }

    private MappingBuilder anyRequest() {
        MappingBuilder request = post(urlEqualTo(OpenAiStub.PATH)).atPriority(priority);
        for (String marker : markers) {
            request = request.withRequestBody(containing(marker));
        }
        return request;
    }

    private ResponseDefinitionBuilder held(ResponseDefinitionBuilder response) {
        return hold.isZero() ? response : response.withFixedDelay((int) hold.toMillis());
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static ResponseDefinitionBuilder sse(String events) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(events);
    }
}
