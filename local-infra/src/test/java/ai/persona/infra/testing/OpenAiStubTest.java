package ai.persona.infra.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class OpenAiStubTest {

    private static final OpenAiStub STUB = OpenAiStub.start();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @AfterAll
    static void stop() {
        STUB.close();
    }

    @Test
    void anUnscriptedRequestGetsOkWithTheUsage() throws Exception {
        JsonNode reply = JSON.readTree(post(request("nothing scripted for this", false)).body());

        assertThat(reply.at("/choices/0/message/content").asText()).isEqualTo("ok");
        assertThat(reply.at("/usage/prompt_tokens").asInt()).isEqualTo(OpenAiStub.PROMPT_TOKENS);
        assertThat(reply.at("/usage/total_tokens").asInt())
                .isEqualTo(OpenAiStub.PROMPT_TOKENS + OpenAiStub.COMPLETION_TOKENS);
        assertThat(reply.at("/model").asText()).isEqualTo(OpenAiStub.MODEL);
    }

    @Test
    void aScriptedReplyComesWholeOrStreamedToTheRequestsWithItsMarker() throws Exception {
        STUB.replies("marker-reply", "scripted answer");

        assertThat(JSON.readTree(post(request("marker-reply", false)).body()).at("/choices/0/message/content").asText())
                .isEqualTo("scripted answer");
        HttpResponse<String> streamed = post(request("marker-reply", true));
        assertThat(streamed.headers().firstValue("Content-Type")).hasValue("text/event-stream");
        assertThat(streamed.body()).contains("\"content\":\"scri\"", "\"content\":\"pted\"", "\"finish_reason\":\"stop\"")
                .endsWith("data: [DONE]\n\n");
    }

    @Test
    void theScriptWithMoreMarkersIsTriedFirstAndTheLatestOfEqualOnesWins() throws Exception {
        STUB.on("marker-rank").replies("general");
        STUB.on("marker-rank", "repair").replies("specific");
        STUB.failsWith("marker-later", 503);
        STUB.replies("marker-later", "recovered");

        assertThat(content(request("marker-rank repair", false))).isEqualTo("specific");
        assertThat(content(request("marker-rank first", false))).isEqualTo("general");
        assertThat(content(request("marker-later", false))).isEqualTo("recovered");
    }

    @Test
    void failuresAreHttpErrorsOrAResetConnectionAndFailOnceRecovers() throws Exception {
        STUB.failsWith("marker-fails", 503);
        STUB.failsOnceThenReplies("marker-once", 429, "second time");

        assertThat(post(request("marker-fails", false)).statusCode()).isEqualTo(503);
        assertThat(post(request("marker-once", false)).statusCode()).isEqualTo(429);
        assertThat(content(request("marker-once", false))).isEqualTo("second time");
    }

    @Test
    void aToolCallComesWithItsArguments() throws Exception {
        STUB.callsTool("marker-tool", "call-1", "weather", "{\"city\":\"Porto\"}");

        JsonNode call = JSON.readTree(post(request("marker-tool", false)).body()).at("/choices/0/message/tool_calls/0");
        assertThat(call.at("/function/name").asText()).isEqualTo("weather");
        assertThat(call.at("/function/arguments").asText()).isEqualTo("{\"city\":\"Porto\"}");
        assertThat(post(request("marker-tool", true)).body()).contains("\"finish_reason\":\"tool_calls\"");
    }

    @Test
    void aHeldAnswerIsReceivedAtOnceAndSentAfterTheHold() throws Exception {
        STUB.repliesAfter("marker-held", "late", Duration.ofSeconds(3));

        CompletableFuture<HttpResponse<String>> reply = HTTP.sendAsync(request("marker-held", false),
                HttpResponse.BodyHandlers.ofString());
        org.awaitility.Awaitility.await().until(() -> STUB.count("marker-held") == 1);

        assertThat(reply).isNotDone();
        assertThat(JSON.readTree(reply.get().body()).at("/choices/0/message/content").asText()).isEqualTo("late");
    }

    @Test
    void aComputedAnswerIsMadeFromTheRequestAndAFailingScriptIsAServerError() throws Exception {
        STUB.on("marker-computed").computes(request -> "echo: " + request.at("/messages/0/content").asText());
        STUB.on("marker-computed", "broken").computes(request -> {
            throw new IllegalStateException("no script for this prompt");
        });

        assertThat(content(request("marker-computed hello", false))).isEqualTo("echo: marker-computed hello");
        assertThat(post(request("marker-computed hello", true)).body()).contains("\"content\":\"echo\"");
        HttpResponse<String> broken = post(request("marker-computed broken", false));
        assertThat(broken.statusCode()).isEqualTo(500);
        assertThat(broken.body()).contains("no script for this prompt");
    }

    @Test
    void theRequestsReceivedAreInspectableByTheirMarkers() throws Exception {
        post(request("marker-seen one", false));
        post(request("marker-seen two", true));

        assertThat(STUB.requests("marker-seen")).extracting(r -> r.at("/messages/0/content").asText())
                .containsExactly("marker-seen one", "marker-seen two");
        assertThat(STUB.count("marker-seen", "two")).isEqualTo(1);
    }

    private static HttpRequest request(String text, boolean stream) {
        String body = JSON.createObjectNode().put("model", OpenAiStub.MODEL).put("stream", stream)
                .set("messages", JSON.createArrayNode().add(JSON.createObjectNode().put("role", "user")
                        .put("content", text))).toString();
        return HttpRequest.newBuilder(URI.create(STUB.baseUrl() + "chat/completions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static HttpResponse<String> post(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String content(HttpRequest request) throws Exception {
        return JSON.readTree(post(request).body()).at("/choices/0/message/content").asText();
    }
}
