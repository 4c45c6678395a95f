package ai.persona.gateway;

import static ai.persona.gateway.OpenAiApiTest.complete;
import static ai.persona.gateway.OpenAiApiTest.request;
import static ai.persona.gateway.support.Users.as;
import static ai.persona.gateway.support.Users.newUser;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import ai.persona.infra.testing.InjectOpenAiStub;
import ai.persona.infra.testing.OpenAiStub;

/** Errors on /v1 come in OpenAI's error shape, and the client's mistakes are 4xx. */
@QuarkusTest
class OpenAiErrorsTest {

    @InjectOpenAiStub
    OpenAiStub llm;

    @Test
    void badRequestsGetOpenAiErrorBodies() {
        String user = newUser("openai");
        complete(user, "{not json").then().statusCode(400)
                .body("error.type", equalTo("invalid_request_error")).body("error.message", notNullValue());
        complete(user, "{\"model\":\"" + OpenAiStub.MODEL + "\",\"messages\":[]}").then().statusCode(400)
                .body("error.message", containsString("messages"));
        complete(user, "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}").then().statusCode(400)
                .body("error.message", containsString("model"));
        complete(user, "{\"model\":\"gpt-9\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .then().statusCode(404).body("error.code", equalTo("model_not_found"));
        complete(user, "{\"model\":\"" + OpenAiStub.MODEL + "\",\"messages\":[{\"role\":\"wizard\",\"content\":\"x\"}]}")
                .then().statusCode(400).body("error.type", equalTo("invalid_request_error"));
        given().contentType(ContentType.JSON).body(request("anonymous", false)).post("/v1/chat/completions")
                .then().statusCode(401).body("error.type", equalTo("authentication_error"));
    }

    @Test
    void whenTheModelIsDownTheAnswerIs503AndTheConversationIsKept() {
        String user = newUser("openai");
        llm.resetsConnection("down-" + user);

        Response whole = complete(user, request("down-" + user, false));
        whole.then().statusCode(503).body("error.type", equalTo("server_error"))
                .body("error.code", equalTo("llm_unavailable"));
        complete(user, request("down-" + user, true)).then().statusCode(503);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(user).get("/api/sessions?size=5")
                .then().statusCode(200).body("items[0].messageCount", equalTo(2)));
    }
}
