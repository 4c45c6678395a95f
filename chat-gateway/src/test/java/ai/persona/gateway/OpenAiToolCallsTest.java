package ai.persona.gateway;

import static ai.persona.gateway.OpenAiApiTest.complete;
import static ai.persona.gateway.OpenAiApiTest.read;
import static ai.persona.gateway.support.Users.newUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import ai.persona.gateway.support.SessionStore;
import ai.persona.infra.testing.InjectOpenAiStub;
import ai.persona.infra.testing.OpenAiStub;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Tools pass through to the model as the client wrote them; tool calls come back; the client's results go on. */
@QuarkusTest
class OpenAiToolCallsTest {

    private static final String TOOLS = """
            [{"type":"function","function":{"name":"get_weather","description":"Weather in a city",
              "parameters":{"type":"object","properties":{"city":{"type":"string","enum":["Paris","Oslo"]}},
                            "required":["city"],"additionalProperties":false},"strict":true}}]""";
    private static final String TOOL_CHOICE = "{\"type\":\"function\",\"function\":{\"name\":\"get_weather\"}}";

    @InjectOpenAiStub
    OpenAiStub llm;

    @Test
    void toolsAndToolChoicePassThroughAndTheToolCallComesBack() {
        String user = newUser("openai");
        llm.callsTool("tools-" + user, "call_1", "get_weather", "{\"city\":\"Paris\"}");
        String body = """
                {"model":"%s","tools":%s,"tool_choice":%s,
                 "messages":[{"role":"user","content":"tools-%s weather?"}]}""".formatted(OpenAiStub.MODEL, TOOLS,
                TOOL_CHOICE, user);

        Response reply = complete(user, body);

        reply.then().statusCode(200)
                .body("choices[0].finish_reason", equalTo("tool_calls"))
                .body("choices[0].message.content", nullValue())
                .body("choices[0].message.tool_calls[0].id", equalTo("call_1"))
                .body("choices[0].message.tool_calls[0].type", equalTo("function"))
                .body("choices[0].message.tool_calls[0].function.name", equalTo("get_weather"))
                .body("choices[0].message.tool_calls[0].function.arguments", equalTo("{\"city\":\"Paris\"}"));
        JsonNode sent = llm.requests("tools-" + user).get(0);
        assertThat(sent.get("tools")).isEqualTo(read(TOOLS));
        assertThat(sent.get("tool_choice")).isEqualTo(read(TOOL_CHOICE));
    }

    @Test
    void aStreamedToolCallArrivesInPiecesAndTheClientsToolResultContinuesTheSession() {
        String user = newUser("openai");
        llm.callsTool("stooltools-" + user, "call_7", "get_weather", "{\"city\":\"Oslo\"}");
        String first = """
                {"model":"%s","stream":true,"tools":%s,
                 "messages":[{"role":"user","content":"stooltools-%s weather?"}]}""".formatted(OpenAiStub.MODEL, TOOLS,
                user);

        Response streamed = complete(user, first);

        streamed.then().statusCode(200);
        String frames = streamed.asString();
        assertThat(frames).contains("\"tool_calls\":[{\"index\":0,\"id\":\"call_7\",\"type\":\"function\"")
                .contains("\"finish_reason\":\"tool_calls\"").endsWith("data: [DONE]\n\n");
        String session = streamed.header("X-Session-Id");
        assertThat(SessionStore.recorded(user, session, 2).getString("messages[1].toolCalls[0].arguments"))
                .isEqualTo("{\"city\":\"Oslo\"}");

        llm.replies("tool result " + user, "It is sunny in Oslo.");
        String second = """
                {"model":"%s","tools":%s,"messages":[
                  {"role":"user","content":"stooltools-%s weather?"},
                  {"role":"assistant","content":null,"tool_calls":[{"id":"call_7","type":"function",
                    "function":{"name":"get_weather","arguments":"{\\"city\\":\\"Oslo\\"}"}}]},
                  {"role":"tool","tool_call_id":"call_7","content":"tool result %s: sunny"}]}"""
                .formatted(OpenAiStub.MODEL, TOOLS, user, user);
        Response answer = complete(user, second);

        answer.then().statusCode(200).body("choices[0].message.content", equalTo("It is sunny in Oslo."));
        assertThat(answer.header("X-Session-Id")).isEqualTo(session);
        assertThat(SessionStore.recorded(user, session, 4).getList("messages.role"))
                .containsExactly("USER", "ASSISTANT", "TOOL", "ASSISTANT");
        JsonNode sentBack = llm.requests("tool result " + user).get(0).path("messages");
        assertThat(sentBack.path(1).path("tool_calls").path(0).path("id").asText()).isEqualTo("call_7");
        assertThat(sentBack.path(2).path("tool_call_id").asText()).isEqualTo("call_7");
    }
}
