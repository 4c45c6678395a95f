package ai.persona.gateway.responses;

import static ai.persona.gateway.support.Users.as;
import static ai.persona.gateway.support.Users.newUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
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
 * The official openai npm client's {@code responses.create} (whole and streamed) and {@code responses.stream} hold one
 * conversation through /v1/responses: src/test/node/responses.mjs, installed with npm ci into target/ from the
 * committed lock file. Skipped, saying so, where node or npm is not installed.
 */
@QuarkusTest
class NodeResponsesClientTest {

    @InjectOpenAiStub
    OpenAiStub llm;

    @TestHTTPResource("/v1")
    URL gateway;

    @Test
    void theOfficialOpenAiNpmClientHoldsAConversationThroughTheResponsesApi() throws Exception {
        assumeTrue(NodeScripts.available(),
                "node and npm are not on the PATH: the openai npm Responses client check is skipped");
        String user = newUser("node-responses");
        llm.replies("rfirst " + user, "First, whole.");
        llm.replies("rsecond " + user, "Second, streamed.");
        llm.replies("rthird " + user, "Third, through the helper.");
        Path work = NodeScripts.install("responses.mjs");

        JsonNode result = NodeScripts.run(work, "responses.mjs", Map.of(
                "GATEWAY_BASE_URL", gateway.toString(),
                "GATEWAY_TOKEN", Users.token(user),
                "GATEWAY_MODEL", OpenAiStub.MODEL,
                "FIRST_MESSAGE", "rfirst " + user,
                "SECOND_MESSAGE", "rsecond " + user,
                "THIRD_MESSAGE", "rthird " + user));

        assertThat(result.path("first").asText()).isEqualTo("First, whole.");
        assertThat(result.path("second").path("text").asText()).isEqualTo("Second, streamed.");
        assertThat(result.path("second").path("types").get(0).asText()).isEqualTo("response.created");
        assertThat(result.path("third").asText()).isEqualTo("Third, through the helper.");
        assertThat(result.path("model").asText()).isEqualTo(OpenAiStub.MODEL);
        // one session: the instructions, then three turns of two messages
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(user).get("/api/sessions").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].messageCount", equalTo(7)));
    }
}
