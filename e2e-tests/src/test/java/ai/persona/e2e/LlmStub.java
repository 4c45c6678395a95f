package ai.persona.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import ai.persona.model.PersonaJson;

/**
 * The only stand-in of the end-to-end test: an OpenAI-compatible endpoint. The optimizer's answer depends on the persona
 * it is shown, so a first batch learns {@link #FIRST_STYLE} and a later one {@link #TEA_HABIT}, whatever the timing.
 */
final class LlmStub implements AutoCloseable {

    static final String FIRST_STYLE = "喜欢简洁、先给结论的回答";
    static final String TEA_HABIT = "每天下午喝一杯乌龙茶";
    static final String CHAT_REPLY = "好的，我明白了。";
    private static final String OPTIMIZER_MARK = "You maintain the long-term persona";

    private final WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());

    LlmStub() {
        server.start();
        server.stubFor(post(urlPathEqualTo("/v1/chat/completions")).atPriority(1)
                .withRequestBody(containing(OPTIMIZER_MARK))
                .withRequestBody(containing(FIRST_STYLE))
                .willReturn(json(completion(optimizerAnswer("Pattern", "Tea_Habit", TEA_HABIT)))));
        server.stubFor(post(urlPathEqualTo("/v1/chat/completions")).atPriority(2)
                .withRequestBody(containing(OPTIMIZER_MARK))
                .willReturn(json(completion(optimizerAnswer("Preference", "Preferred_Styles", FIRST_STYLE)))));
        server.stubFor(post(urlPathEqualTo("/v1/chat/completions")).atPriority(3)
                .withRequestBody(matchingJsonPath("$[?(@.stream == true)]"))
                .willReturn(aResponse().withHeader("Content-Type", "text/event-stream").withBody(stream(CHAT_REPLY))));
        server.stubFor(post(urlPathEqualTo("/v1/chat/completions")).atPriority(4)
                .willReturn(json(completion(CHAT_REPLY))));
    }

    /**
     * The optimizer's call for a batch whose conversations contain {@code marker} is answered as usual, but only after
     * {@code hold}: a slow model, with the batch in flight meanwhile.
     */
    void holdOptimizer(String marker, java.time.Duration hold) {
        server.stubFor(post(urlPathEqualTo("/v1/chat/completions")).atPriority(1)
                .withRequestBody(containing(OPTIMIZER_MARK))
                .withRequestBody(containing(marker))
                .willReturn(json(completion(optimizerAnswer("Preference", "Preferred_Styles", FIRST_STYLE)))
                        .withFixedDelay((int) hold.toMillis())));
    }

    /** Optimizer calls (received, answered or not) for conversations containing {@code marker}. */
    long optimizerCallsFor(String marker) {
        return server.findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))).stream()
                .filter(r -> r.getBodyAsString().contains(OPTIMIZER_MARK) && r.getBodyAsString().contains(marker))
                .count();
    }

    /** The bodies of the optimizer's requests (first calls and repairs) for conversations containing {@code marker}. */
    List<String> optimizerRequestsFor(String marker) {
        return server.findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))).stream()
                .map(LoggedRequest::getBodyAsString)
                .filter(body -> body.contains(OPTIMIZER_MARK) && body.contains(marker))
                .toList();
    }

    String baseUrl() {
        return "http://localhost:" + server.port() + "/v1/";
    }

    /** Chat requests (not optimizer ones) as the gateway sent them, oldest first. */
    List<LoggedRequest> chatRequests() {
        return server.findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))).stream()
                .filter(r -> !r.getBodyAsString().contains(OPTIMIZER_MARK))
                .toList();
    }

    long optimizerCalls() {
        return server.findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))).stream()
                .filter(r -> r.getBodyAsString().contains(OPTIMIZER_MARK))
                .count();
    }

    private static String optimizerAnswer(String section, String field, String value) {
        ObjectNode op = PersonaJson.mapper().createObjectNode()
                .put("action", "update_field").put("section", section).put("field", field).put("value", value)
                .put("reason", "用户在对话中提到");
        ObjectNode answer = PersonaJson.mapper().createObjectNode();
        answer.putArray("operations").add(op);
        return answer.toString();
    }

    private static String completion(String content) {
        ObjectNode body = PersonaJson.mapper().createObjectNode()
                .put("id", "stub").put("object", "chat.completion").put("created", 0).put("model", "stub-model");
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", content);
        body.putObject("usage").put("prompt_tokens", 100).put("completion_tokens", 20).put("total_tokens", 120);
        return body.toString();
    }

    private static String stream(String content) {
        String chunk = "{\"id\":\"stub\",\"object\":\"chat.completion.chunk\",\"created\":0,\"model\":\"stub-model\","
                + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":%s},\"finish_reason\":%s}]}";
        return "data: " + String.format(chunk, PersonaJson.mapper().getNodeFactory().textNode(content), "null") + "\n\n"
                + "data: " + String.format(chunk, "\"\"", "\"stop\"") + "\n\ndata: [DONE]\n\n";
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }

    @Override
    public void close() {
        server.stop();
    }
}
