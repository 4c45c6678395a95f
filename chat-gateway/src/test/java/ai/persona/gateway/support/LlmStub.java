package ai.persona.gateway.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.Fault;

/**
 * The model as an OpenAI-compatible HTTP endpoint: whole replies as JSON, streamed ones as server-sent events, tool
 * calls both ways. Each test keys its stubs by a marker that only its own requests contain (its message text), so tests
 * sharing the server do not see each other's replies; requests without a stub get "ok".
 */
public final class LlmStub {

    public static final String MODEL = "test-model";
    private static final String PATH = "/v1/chat/completions";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WireMockServer server;

    LlmStub(WireMockServer server) {
        this.server = server;
    }

    static void defaults(WireMockServer server) {
        LlmStub stub = new LlmStub(server);
        server.stubFor(stub.streamed(post(urlEqualTo(PATH)).atPriority(9), OpenAiWire.textChunks("ok")));
        server.stubFor(post(urlEqualTo(PATH)).atPriority(10)
                .willReturn(json(OpenAiWire.completion(OpenAiWire.textMessage("ok"), "stop"))));
    }

    /** Requests containing the marker get this text: whole, or streamed a few characters per chunk. */
    public void replies(String marker, String text) {
        server.stubFor(streamed(post(urlEqualTo(PATH)).atPriority(1).withRequestBody(containing(marker)),
                OpenAiWire.textChunks(text)));
        server.stubFor(post(urlEqualTo(PATH)).atPriority(2).withRequestBody(containing(marker))
                .willReturn(json(OpenAiWire.completion(OpenAiWire.textMessage(text), "stop"))));
    }

    /** Requests containing the marker get a call of this tool: whole, or streamed with its arguments in two pieces. */
    public void callsTool(String marker, String callId, String tool, String arguments) {
        int half = arguments.length() / 2;
        List<ObjectNode> chunks = List.of(
                OpenAiWire.toolDelta(callId, tool, ""),
                OpenAiWire.toolDelta(null, null, arguments.substring(0, half)),
                OpenAiWire.toolDelta(null, null, arguments.substring(half)),
                OpenAiWire.chunk(JSON.createObjectNode(), "tool_calls"));
        server.stubFor(streamed(post(urlEqualTo(PATH)).atPriority(1).withRequestBody(containing(marker)), chunks));
        ObjectNode message = JSON.createObjectNode().put("role", "assistant").putNull("content");
        message.set("tool_calls", JSON.createArrayNode().add(OpenAiWire.toolCall(callId, tool, arguments)));
        server.stubFor(post(urlEqualTo(PATH)).atPriority(2).withRequestBody(containing(marker))
                .willReturn(json(OpenAiWire.completion(message, "tool_calls"))));
    }

    /** The model is down for requests containing the marker: the connection is reset. */
    public void fails(String marker) {
        server.stubFor(post(urlEqualTo(PATH)).atPriority(1).withRequestBody(containing(marker))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    }

    /** The bodies of the requests the model received that contain the marker, oldest first. */
    public List<JsonNode> requests(String marker) {
        List<JsonNode> bodies = new ArrayList<>();
        server.findAll(postRequestedFor(urlEqualTo(PATH)).withRequestBody(containing(marker)))
                .forEach(request -> bodies.add(read(request.getBodyAsString())));
        return bodies;
    }

    private MappingBuilder streamed(MappingBuilder request, List<ObjectNode> chunks) {
        StringBuilder events = new StringBuilder();
        chunks.forEach(chunk -> events.append("data: ").append(chunk).append("\n\n"));
        events.append("data: [DONE]\n\n");
        return request.withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
                .willReturn(aResponse().withStatus(200)
                        .withHeader("Content-Type", "text/event-stream")
                        .withBody(events.toString()));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(ObjectNode body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body.toString());
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the model got a body that is not JSON: " + body, e);
        }
    }
}
