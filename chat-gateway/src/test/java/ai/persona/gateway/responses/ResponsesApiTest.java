package ai.persona.gateway.responses;

import static ai.persona.gateway.support.Users.as;
import static ai.persona.gateway.support.Users.newUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.persona.gateway.support.SessionStore;
import ai.persona.infra.testing.InjectOpenAiStub;
import ai.persona.infra.testing.OpenAiStub;
import io.quarkus.test.junit.DisabledOnIntegrationTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** POST /v1/responses: personalized and recorded like a chat completion, answered in the Responses shape. */
@QuarkusTest
class ResponsesApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PERSONA = """
            {"Demographics":{"Name":"Mei","Career_Information":"marine biologist"}}""";

    @InjectOpenAiStub
    OpenAiStub llm;

    static Response create(String user, String body) {
        return as(user).contentType(ContentType.JSON).body(body).post("/v1/responses");
    }

    @Test
    @DisabledOnIntegrationTest("background-task markers are set in the test profile only")
    void aFrontEndsBackgroundTaskIsAnsweredAndNotRecorded() {
        String user = newUser("responses");

        Response reply = create(user, """
                {"model":"%s","input":"### Task:\\nSuggest tags for the chat. tags-%s"}""".formatted(OpenAiStub.MODEL, user));

        reply.then().statusCode(200).body("output[0].content[0].text", equalTo("ok"));
        assertThat(reply.header("X-Session-Id")).isNull();
        String session = create(user, """
                {"model":"%s","input":"own-%s"}""".formatted(OpenAiStub.MODEL, user)).then().statusCode(200).extract()
                .header("X-Session-Id");
        SessionStore.recorded(user, session, 2);
        as(user).get("/api/sessions").then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void aTextInputGetsAPersonalizedReplyThatIsRecordedInTheSession() {
        String user = newUser("responses");
        SessionStore.importPersona(user, PERSONA);
        llm.replies("hello-" + user, "Hello, Mei.");

        Response reply = create(user, """
                {"model":"%s","input":"hello-%s"}""".formatted(OpenAiStub.MODEL, user));

        reply.then().statusCode(200).contentType(startsWith("application/json"))
                .body("id", startsWith("resp_")).body("object", equalTo("response"))
                .body("status", equalTo("completed")).body("model", equalTo(OpenAiStub.MODEL))
                .body("output[0].type", equalTo("message")).body("output[0].id", startsWith("msg_"))
                .body("output[0].role", equalTo("assistant"))
                .body("output[0].content[0].type", equalTo("output_text"))
                .body("output[0].content[0].text", equalTo("Hello, Mei."))
                .body("output[0].content[0].annotations", empty())
                .body("usage.input_tokens", equalTo(10)).body("usage.output_tokens", equalTo(5))
                .body("usage.total_tokens", equalTo(15));
        JsonNode sent = llm.requests("hello-" + user).get(0).path("messages");
        assertThat(sent.path(0).path("role").asText()).isEqualTo("system");
        assertThat(sent.path(0).path("content").asText()).contains("Mei").contains("marine biologist");
        assertThat(sent.path(1).path("content").asText()).isEqualTo("hello-" + user);
        assertThat(SessionStore.recorded(user, reply.header("X-Session-Id"), 2).getList("messages.content"))
                .containsExactly("hello-" + user, "Hello, Mei.");
    }

    @Test
    void anInputMessageArrayWithInstructionsReachesTheModelAsChatMessages() {
        String user = newUser("responses");
        llm.replies("parts-" + user, "Bien sûr.");

        Response reply = create(user, """
                {"model":"%s","instructions":"Answer in French.","temperature":0.3,"max_output_tokens":50,"input":[
                  {"role":"user","content":[{"type":"input_text","text":"parts-%s first"}]},
                  {"role":"assistant","content":[{"type":"output_text","text":"earlier answer"}]},
                  {"type":"message","role":"user","content":"and now?"}]}""".formatted(OpenAiStub.MODEL, user));

        reply.then().statusCode(200).body("output[0].content[0].text", equalTo("Bien sûr."))
                .body("instructions", equalTo("Answer in French.")).body("max_output_tokens", equalTo(50));
        JsonNode sent = llm.requests("parts-" + user).get(0);
        assertThat(sent.path("messages").findValuesAsText("role"))
                .containsExactly("system", "user", "assistant", "user");
        assertThat(sent.path("messages").findValuesAsText("content"))
                .containsExactly("Answer in French.", "parts-" + user + " first", "earlier answer", "and now?");
        assertThat(sent.path("temperature").asDouble()).isEqualTo(0.3);
        assertThat(sent.path("max_tokens").asInt()).isEqualTo(50);
        assertThat(SessionStore.recorded(user, reply.header("X-Session-Id"), 5).getList("messages.role"))
                .containsExactly("SYSTEM", "USER", "ASSISTANT", "USER", "ASSISTANT");
    }

    @Test
    void aStreamedResponseSendsTheResponsesEventsInOrderAndTheTextAddsUp() {
        String user = newUser("responses");
        llm.replies("stream-" + user, "Streaming through responses.");

        Response reply = create(user, """
                {"model":"%s","stream":true,"input":"stream-%s"}""".formatted(OpenAiStub.MODEL, user));

        reply.then().statusCode(200).contentType(startsWith("text/event-stream"));
        List<JsonNode> events = events(reply.asString());
        List<String> types = events.stream().map(event -> event.path("type").asText()).distinct().toList();
        assertThat(types).containsExactly("response.created", "response.in_progress", "response.output_item.added",
                "response.content_part.added", "response.output_text.delta", "response.output_text.done",
                "response.content_part.done", "response.output_item.done", "response.completed");
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).path("sequence_number").asInt()).isEqualTo(i);
        }
        StringBuilder deltas = new StringBuilder();
        events.stream().filter(event -> event.path("type").asText().equals("response.output_text.delta"))
                .forEach(event -> deltas.append(event.path("delta").asText()));
        assertThat(deltas).hasToString("Streaming through responses.");
        assertThat(events.get(0).path("response").path("status").asText()).isEqualTo("in_progress");
        JsonNode completed = events.get(events.size() - 1).path("response");
        assertThat(completed.path("status").asText()).isEqualTo("completed");
        assertThat(completed.path("output").path(0).path("content").path(0).path("text").asText())
                .isEqualTo("Streaming through responses.");
        assertThat(SessionStore.recorded(user, reply.header("X-Session-Id"), 2).getList("messages.content"))
                .containsExactly("stream-" + user, "Streaming through responses.");
    }

    @Test
    void anItemReferenceToAnEarlierOutputStandsForItAndTheConversationStaysInItsSession() {
        String user = newUser("responses");
        llm.replies("ref-" + user, "The first answer.");
        Response first = create(user, """
                {"model":"%s","input":[{"role":"user","content":"ref-%s"}]}""".formatted(OpenAiStub.MODEL, user));
        String messageId = first.then().statusCode(200).extract().path("output[0].id");
        llm.replies("ref second " + user, "The second answer.");

        Response second = create(user, """
                {"model":"%s","input":[{"role":"user","content":"ref-%s"},{"type":"item_reference","id":"%s"},
                  {"role":"user","content":"ref second %s"}]}""".formatted(OpenAiStub.MODEL, user, messageId, user));

        second.then().statusCode(200).body("output[0].content[0].text", equalTo("The second answer."));
        JsonNode sent = llm.requests("ref second " + user).get(0).path("messages");
        assertThat(sent.path(1).path("role").asText()).isEqualTo("assistant");
        assertThat(sent.path(1).path("content").asText()).isEqualTo("The first answer.");
        assertThat(second.header("X-Session-Id")).isEqualTo(first.header("X-Session-Id"));
        assertThat(SessionStore.recorded(user, first.header("X-Session-Id"), 4).getList("messages.content"))
                .containsExactly("ref-" + user, "The first answer.", "ref second " + user, "The second answer.");
    }

    @Test
    void anUnknownPreviousResponseIdIsRefusedNamingIt() {
        String user = newUser("responses");
        String other = newUser("responses");
        String othersResponse = create(other, """
                {"model":"%s","input":"theirs-%s"}""".formatted(OpenAiStub.MODEL, other))
                .then().statusCode(200).extract().path("id");

        for (String id : new String[] { "resp_unknown", othersResponse }) {
            create(user, """
                    {"model":"%s","previous_response_id":"%s","input":"more"}""".formatted(OpenAiStub.MODEL, id))
                    .then().statusCode(400).body("error.type", equalTo("invalid_request_error"))
                    .body("error.param", equalTo("previous_response_id"))
                    .body("error.code", equalTo("previous_response_not_found"));
        }
    }

    @Test
    void whatTheGatewayCannotHonourIsRefusedNamingTheField() {
        String user = newUser("responses");
        String[][] refused = {
                { "\"tools\":[{\"type\":\"web_search\"}]", "tools" },
                { "\"store\":false", "store" },
                { "\"background\":true", "background" },
                { "\"conversation\":\"conv_1\"", "conversation" },
                { "\"input\":[{\"type\":\"item_reference\",\"id\":\"msg_1\"}]", "input" } };
        for (String[] field : refused) {
            String input = field[0].startsWith("\"input\"") ? "" : ",\"input\":\"refused-" + user + "\"";
            create(user, "{\"model\":\"%s\",%s%s}".formatted(OpenAiStub.MODEL, field[0], input))
                    .then().statusCode(400).body("error.type", equalTo("invalid_request_error"))
                    .body("error.param", equalTo(field[1]));
        }
        assertThat(llm.requests("refused-" + user)).isEmpty();
    }

    @Test
    void aSingleModelIsServedAndAnUnknownOneIs404() {
        String user = newUser("responses");
        as(user).get("/v1/models/{id}", OpenAiStub.MODEL).then().statusCode(200)
                .body("id", equalTo(OpenAiStub.MODEL)).body("object", equalTo("model"))
                .body("owned_by", equalTo("ai-persona"));
        as(user).get("/v1/models/gpt-9").then().statusCode(404)
                .body("error.code", equalTo("model_not_found")).body("error.param", equalTo("model"));
        as(user).get("/v1/models").then().statusCode(200).body("data[0].id", equalTo(OpenAiStub.MODEL));
    }

    /** The events of a Responses stream; each frame's event name is its payload's type. */
    static List<JsonNode> events(String stream) {
        List<JsonNode> events = new ArrayList<>();
        for (String frame : stream.split("\n\n")) {
            String[] lines = frame.split("\n");
            assertThat(lines).hasSize(2);
            assertThat(lines[0]).startsWith("event: ");
            JsonNode event = read(lines[1].substring("data: ".length()));
            assertThat(event.path("type").asText()).isEqualTo(lines[0].substring("event: ".length()));
            events.add(event);
        }
        return events;
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(json, e);
        }
    }
}
