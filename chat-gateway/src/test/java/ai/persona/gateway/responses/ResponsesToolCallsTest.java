package ai.persona.gateway.responses;

import static ai.persona.gateway.responses.ResponsesApiTest.create;
import static ai.persona.gateway.responses.ResponsesApiTest.events;
import static ai.persona.gateway.support.Users.newUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import ai.persona.gateway.support.SessionStore;
import ai.persona.infra.testing.InjectOpenAiStub;
import ai.persona.infra.testing.OpenAiStub;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Function tools: the model's call comes back as a function_call item; its output continues the same session. */
@QuarkusTest
class ResponsesToolCallsTest {

    private static final String TOOLS = """
            [{"type":"function","name":"get_weather","description":"Weather in a city",
              "parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}]""";

    @InjectOpenAiStub
    OpenAiStub llm;

    @Test
    void aToolCallComesBackAsAFunctionCallAndItsOutputContinuesTheSession() {
        String user = newUser("responses");
        llm.callsTool("weather-" + user, "call_9", "get_weather", "{\"city\":\"Oslo\"}");

        Response first = create(user, """
                {"model":"%s","tools":%s,"tool_choice":{"type":"function","name":"get_weather"},
                 "input":"weather-%s in Oslo?"}""".formatted(OpenAiStub.MODEL, TOOLS, user));

        first.then().statusCode(200)
                .body("output.size()", equalTo(1))
                .body("output[0].type", equalTo("function_call")).body("output[0].id", startsWith("fc_"))
                .body("output[0].call_id", equalTo("call_9")).body("output[0].name", equalTo("get_weather"))
                .body("output[0].arguments", equalTo("{\"city\":\"Oslo\"}"))
                .body("tools[0].name", equalTo("get_weather"));
        JsonNode sent = llm.requests("weather-" + user).get(0);
        assertThat(sent.path("tools").path(0).path("type").asText()).isEqualTo("function");
        assertThat(sent.path("tools").path(0).path("function").path("name").asText()).isEqualTo("get_weather");
        assertThat(sent.path("tools").path(0).path("function").path("parameters").path("required").path(0).asText())
                .isEqualTo("city");
        assertThat(sent.path("tool_choice").path("function").path("name").asText()).isEqualTo("get_weather");
        String session = first.header("X-Session-Id");

        llm.replies("tool output " + user, "Sunny in Oslo.");
        Response second = create(user, """
                {"model":"%s","tools":%s,"previous_response_id":"%s","input":[
                  {"type":"function_call_output","call_id":"call_9","output":"tool output %s: sunny"}]}"""
                .formatted(OpenAiStub.MODEL, TOOLS, first.path("id"), user));

        second.then().statusCode(200).body("output[0].content[0].text", equalTo("Sunny in Oslo."))
                .body("previous_response_id", equalTo(first.path("id")));
        assertThat(second.header("X-Session-Id")).isEqualTo(session);
        JsonNode sentBack = llm.requests("tool output " + user).get(0).path("messages");
        assertThat(sentBack.findValuesAsText("role")).containsExactly("user", "assistant", "tool");
        assertThat(sentBack.path(1).path("tool_calls").path(0).path("id").asText()).isEqualTo("call_9");
        assertThat(sentBack.path(2).path("tool_call_id").asText()).isEqualTo("call_9");
        assertThat(SessionStore.recorded(user, session, 4).getList("messages.role"))
                .containsExactly("USER", "ASSISTANT", "TOOL", "ASSISTANT");
    }

    @Test
    void aStreamedToolCallArrivesAsArgumentDeltasAndEndsAsAFunctionCallItem() {
        String user = newUser("responses");
        llm.callsTool("sweather-" + user, "call_4", "get_weather", "{\"city\":\"Paris\"}");

        Response reply = create(user, """
                {"model":"%s","stream":true,"tools":%s,"input":"sweather-%s"}""".formatted(OpenAiStub.MODEL, TOOLS,
                user));

        reply.then().statusCode(200);
        List<JsonNode> events = events(reply.asString());
        assertThat(events.stream().map(event -> event.path("type").asText()).distinct().toList()).containsExactly(
                "response.created", "response.in_progress", "response.output_item.added",
                "response.function_call_arguments.delta", "response.function_call_arguments.done",
                "response.output_item.done", "response.completed");
        assertThat(events.get(2).path("item").path("call_id").asText()).isEqualTo("call_4");
        JsonNode call = events.get(events.size() - 1).path("response").path("output").path(0);
        assertThat(call.path("type").asText()).isEqualTo("function_call");
        assertThat(call.path("name").asText()).isEqualTo("get_weather");
        assertThat(call.path("arguments").asText()).isEqualTo("{\"city\":\"Paris\"}");
        assertThat(SessionStore.recorded(user, reply.header("X-Session-Id"), 2)
                .getString("messages[1].toolCalls[0].arguments")).isEqualTo("{\"city\":\"Paris\"}");
    }
}
