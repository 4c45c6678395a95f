package ai.persona.gateway;

import static ai.persona.gateway.support.Users.as;
import static ai.persona.gateway.support.Users.newUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
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

@QuarkusTest
class OpenAiApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectOpenAiStub
    OpenAiStub llm;

    static String request(String userMessage, boolean stream) {
        return """
                {"model":"%s","stream":%s,"temperature":0.2,"max_tokens":100,
                 "messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"%s"}]}"""
                .formatted(OpenAiStub.MODEL, stream, userMessage);
    }

    static Response complete(String user, String body) {
        return as(user).contentType(ContentType.JSON).body(body).post("/v1/chat/completions");
    }

    @Test
    void aCompletionComesBackInOpenAisShapeWithItsSessionId() {
        String user = newUser("openai");
        llm.replies("whole-" + user, "Paris.");

        Response reply = complete(user, request("whole-" + user + " capital of France?", false));

        reply.then().statusCode(200).contentType(startsWith("application/json"))
                .body("object", equalTo("chat.completion"))
                .body("choices[0].message.role", equalTo("assistant"))
                .body("choices[0].message.content", equalTo("Paris."))
                .body("choices[0].finish_reason", equalTo("stop"))
                .body("usage.total_tokens", equalTo(15));
        String session = reply.header("X-Session-Id");
        assertThat(SessionStore.recorded(user, session, 3).getList("messages.role"))
                .containsExactly("SYSTEM", "USER", "ASSISTANT");
    }

    @Test
    void parametersTheGatewayDoesNotHandleReachTheModelUnchanged() {
        String user = newUser("openai");
        complete(user, request("params-" + user, false)).then().statusCode(200);

        JsonNode sent = llm.requests("params-" + user).get(0);
        assertThat(sent.path("temperature").asDouble()).isEqualTo(0.2);
        assertThat(sent.path("max_tokens").asInt()).isEqualTo(100);
        assertThat(sent.path("model").asText()).isEqualTo(OpenAiStub.MODEL);
    }

    @Test
    void aStreamedCompletionArrivesAsChunksEndingWithDone() {
        String user = newUser("openai");
        llm.replies("stream-" + user, "Streaming works fine.");

        Response reply = complete(user, request("stream-" + user, true));

        reply.then().statusCode(200).contentType(startsWith("text/event-stream"));
        List<String> frames = List.of(reply.asString().split("\n\n"));
        assertThat(frames).allMatch(frame -> frame.startsWith("data: "));
        assertThat(frames.get(frames.size() - 1)).isEqualTo("data: [DONE]");
        StringBuilder text = new StringBuilder();
        frames.subList(0, frames.size() - 1).forEach(frame -> {
            JsonNode chunk = read(frame.substring("data: ".length()));
            assertThat(chunk.path("object").asText()).isEqualTo("chat.completion.chunk");
            text.append(chunk.path("choices").path(0).path("delta").path("content").asText(""));
        });
        assertThat(text).hasToString("Streaming works fine.");
        assertThat(frames.size()).isGreaterThan(4);
        assertThat(SessionStore.recorded(user, reply.header("X-Session-Id"), 3).getList("messages.content", String.class))
                .containsExactly("Be brief.", "stream-" + user, "Streaming works fine.");
    }

    @Test
    void theNextTurnOfAConversationFindsTheSameSessionAndStoresOnlyWhatIsNew() {
        String user = newUser("openai");
        String session = complete(user, request("again-" + user, false)).header("X-Session-Id");
        String second = """
                {"model":"%s","messages":[{"role":"system","content":"Be brief."},
                  {"role":"user","content":"again-%s"},{"role":"assistant","content":"ok"},
                  {"role":"user","content":"and then?"}]}""".formatted(OpenAiStub.MODEL, user);

        String sameSession = complete(user, second).then().statusCode(200).extract().header("X-Session-Id");

        assertThat(sameSession).isEqualTo(session);
        assertThat(SessionStore.recorded(user, session, 5).getList("messages.content", String.class))
                .containsExactly("Be brief.", "again-" + user, "ok", "and then?", "ok");
    }

    @Test
    void aClientMayNameItsSessionWhichIsScopedToItsUser() {
        String user = newUser("openai");
        String named = "my-chat-" + user;
        String session = as(user).header("X-Session-Id", named).contentType(ContentType.JSON)
                .body(request("named-" + user, false)).post("/v1/chat/completions")
                .then().statusCode(200).extract().header("X-Session-Id");
        assertThat(session).startsWith("xs-");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(user).get("/api/sessions/{id}", session)
                .then().statusCode(200).body("messageCount", equalTo(3)));
        as(user).header("X-Session-Id", session).contentType(ContentType.JSON).body(request("named-" + user, false))
                .post("/v1/chat/completions").then().statusCode(200).header("X-Session-Id", session);
    }

    @Test
    void twoChatsThatOpenAlikeAreTwoSessionsFromTheirFirstReplyOn() {
        String user = newUser("openai");
        llm.replies("chat-a-" + user, "Reply A.");
        llm.replies("chat-b-" + user, "Reply B.");
        String opening = "{\"role\":\"system\",\"content\":\"Be brief.\"},{\"role\":\"user\",\"content\":\"hello\"}";

        String a = complete(user, turn(opening, "chat-a-" + user, "")).then().statusCode(200).extract()
                .header("X-Session-Id");
        complete(user, turn(opening, "chat-b-" + user, "")).then().statusCode(200);
        String a2 = complete(user, turn(opening, "chat-a-" + user, ",{\"role\":\"assistant\",\"content\":\"Reply A.\"},"
                + "{\"role\":\"user\",\"content\":\"more A\"}")).then().statusCode(200).extract().header("X-Session-Id");
        String b2 = complete(user, turn(opening, "chat-b-" + user, ",{\"role\":\"assistant\",\"content\":\"Reply B.\"},"
                + "{\"role\":\"user\",\"content\":\"more B\"}")).then().statusCode(200).extract().header("X-Session-Id");

        assertThat(a2).isEqualTo(a);
        assertThat(b2).isNotEqualTo(a);
        assertThat(SessionStore.recorded(user, a, 5).getList("messages.content", String.class))
                .containsExactly("Be brief.", "hello", "Reply A.", "more A", "Reply A.");
        assertThat(SessionStore.recorded(user, b2, 5).getList("messages.content", String.class))
                .containsExactly("Be brief.", "hello", "Reply B.", "more B", "Reply B.");
    }

    @Test
    void aChatTheGatewayNoLongerHoldsInMemoryIsStillToldApartByItsFirstReply() {
        String user = newUser("openai");
        llm.replies("memo-a-" + user, "Reply A.");
        llm.replies("memo-b-" + user, "Reply B.");
        String opening = "{\"role\":\"system\",\"content\":\"Be brief.\"},{\"role\":\"user\",\"content\":\"hi\"}";
        String a = complete(user, turn(opening, "memo-a-" + user, "")).then().statusCode(200).extract()
                .header("X-Session-Id");
        // ending it on the native API drops it from the gateway's memory, as a restart would
        as(user).post("/api/sessions/{id}/end", a).then().statusCode(200);
        SessionStore.ended(user, a);

        String a2 = complete(user, turn(opening, "memo-a-" + user, ",{\"role\":\"assistant\",\"content\":\"Reply A.\"},"
                + "{\"role\":\"user\",\"content\":\"more A\"}")).then().statusCode(200).extract().header("X-Session-Id");
        String b2 = complete(user, turn(opening, "memo-b-" + user, ",{\"role\":\"assistant\",\"content\":\"Reply B.\"},"
                + "{\"role\":\"user\",\"content\":\"more B\"}")).then().statusCode(200).extract().header("X-Session-Id");

        // chat A carries on in its session's follow-up (the session had ended); chat B is a session of its own
        assertThat(a2).isEqualTo(a + "-2");
        assertThat(SessionStore.recorded(user, a2, 2).getList("messages.content", String.class))
                .containsExactly("more A", "Reply A.");
        assertThat(b2).isNotEqualTo(a).isNotEqualTo(a2);
        assertThat(SessionStore.recorded(user, b2, 5).getList("messages.content", String.class))
                .containsExactly("Be brief.", "hi", "Reply B.", "more B", "Reply B.");
    }

    // the marker travels in metadata, passed on to the model: the two chats' messages are the same
    private static String turn(String opening, String marker, String rest) {
        return """
                {"model":"%s","metadata":{"chat":"%s"},"messages":[%s%s]}""".formatted(OpenAiStub.MODEL, marker, opening,
                rest);
    }

    @Test
    @DisabledOnIntegrationTest("background-task markers are set in the test profile only")
    void aFrontEndsBackgroundTaskIsAnsweredWithoutThePersonaAndNotRecorded() {
        String user = newUser("openai");
        SessionStore.importPersona(user, "{\"Demographics\":{\"Name\":\"Mei\"}}");
        String task = "### Task:\\nGenerate a concise title for the chat. title-" + user;

        Response reply = complete(user, """
                {"model":"%s","messages":[{"role":"user","content":"%s"}]}""".formatted(OpenAiStub.MODEL, task));

        reply.then().statusCode(200).body("choices[0].message.content", equalTo("ok"));
        assertThat(reply.header("X-Session-Id")).isNull();
        JsonNode sent = llm.requests("title-" + user).get(0).path("messages");
        assertThat(sent).hasSize(1);
        assertThat(sent.path(0).path("role").asText()).isEqualTo("user");
        // a turn of the user's own follows on the user's partition: once it is stored, the task would have been
        String session = complete(user, request("own-" + user, false)).then().statusCode(200).extract()
                .header("X-Session-Id");
        SessionStore.recorded(user, session, 3);
        as(user).get("/api/sessions").then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void theModelsOnOfferAreListed() {
        as(newUser("openai")).get("/v1/models").then().statusCode(200)
                .body("object", equalTo("list")).body("data[0].id", equalTo(OpenAiStub.MODEL))
                .body("data[0].object", equalTo("model"));
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(json, e);
        }
    }
}
