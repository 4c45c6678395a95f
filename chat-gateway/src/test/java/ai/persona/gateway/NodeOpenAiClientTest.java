package ai.persona.gateway;

import static ai.persona.gateway.support.Users.as;
import static ai.persona.gateway.support.Users.newUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.net.URL;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import ai.persona.gateway.support.NodeScripts;
import ai.persona.gateway.support.Users;
import ai.persona.infra.testing.InjectOpenAiStub;
import ai.persona.infra.testing.OpenAiStub;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The official openai npm client holds a streamed conversation through /v1: src/test/node/chat.mjs, installed with
 * npm ci into target/ from the committed lock file. Skipped, saying so, where node or npm is not installed.
 */
@QuarkusTest
class NodeOpenAiClientTest {

    @InjectOpenAiStub
    OpenAiStub llm;

    @TestHTTPResource("/v1")
    URL gateway;

    @Test
    void theOfficialOpenAiNpmClientHoldsAStreamedConversation() throws Exception {
        assumeTrue(NodeScripts.available(),
                "node and npm are not on the PATH: the openai npm client check is skipped");
        String user = newUser("node");
        llm.replies("node first " + user, "Hi from the stub, via Node.");
        llm.replies("node second " + user, "Second answer, streamed too.");
        Path work = NodeScripts.install("chat.mjs");

        JsonNode result = NodeScripts.run(work, "chat.mjs", Map.of(
                "GATEWAY_BASE_URL", gateway.toString(),
                "GATEWAY_TOKEN", Users.token(user),
                "GATEWAY_MODEL", OpenAiStub.MODEL,
                "FIRST_MESSAGE", "node first " + user,
                "SECOND_MESSAGE", "node second " + user));

        assertThat(result.path("first").path("text").asText()).isEqualTo("Hi from the stub, via Node.");
        assertThat(result.path("first").path("chunks").asInt()).isGreaterThan(1);
        assertThat(result.path("second").path("text").asText()).isEqualTo("Second answer, streamed too.");
        assertThat(result.path("models").get(0).asText()).isEqualTo(OpenAiStub.MODEL);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(user).get("/api/sessions").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].messageCount", equalTo(5)));
    }
}
