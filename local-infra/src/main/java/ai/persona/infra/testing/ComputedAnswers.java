package ai.persona.infra.testing;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * The answers of the {@link OpenAiStub} that a test computes from the request (a pipeline whose prompts say what to
 * answer): WireMock calls it for the stubs that name it, with the id of the test's function as a parameter.
 */
final class ComputedAnswers implements ResponseDefinitionTransformerV2 {

    static final String NAME = "openai-computed-answer";
    static final String ANSWER_ID = "answer-id";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Function<JsonNode, ObjectNode>> answers = new ConcurrentHashMap<>();

    String register(Function<JsonNode, ObjectNode> answer) {
        String id = UUID.randomUUID().toString();
        answers.put(id, answer);
        return id;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        ResponseDefinitionBuilder response = ResponseDefinitionBuilder.like(event.getResponseDefinition());
        try {
            JsonNode request = JSON.readTree(event.getRequest().getBodyAsString());
            ObjectNode message = answers.get(event.getTransformerParameters().getString(ANSWER_ID)).apply(request);
            JsonNode call = message.path("tool_calls").path(0);
            if (request.path("stream").asBoolean(false)) {
                String events = call.isMissingNode() ? OpenAiWire.textStream(message.path("content").asText())
                        : OpenAiWire.toolCallStream(call.path("id").asText(), call.at("/function/name").asText(),
                                call.at("/function/arguments").asText());
                return response.withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(events).build();
            }
            return response.withStatus(200).withHeader("Content-Type", "application/json")
                    .withBody(OpenAiWire.completion(message, call.isMissingNode() ? "stop" : "tool_calls",
                            OpenAiStub.PROMPT_TOKENS, OpenAiStub.COMPLETION_TOKENS))
                    .build();
        } catch (Exception | AssertionError e) {
            // the test's own script failed: the caller sees a server error that says why
            return response.withStatus(500).withHeader("Content-Type", "application/json")
                    .withBody(OpenAiWire.error(e.toString(), "stub_script_error")).build();
        }
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }
}
