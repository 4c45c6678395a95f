package ai.persona.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import ai.persona.gateway.support.NodeScripts;
import ai.persona.gateway.support.SessionStore;
import ai.persona.infra.testing.InjectOpenAiStub;
import ai.persona.infra.testing.OpenAiStub;
import ai.persona.infra.testing.UserKeysTestResource;
import ai.persona.input.AppUsers;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * examples/openai-app-key-node runs as its README says (npm ci, node app.mjs alice bob) with an app key minted the way
 * deploy/local/token --app mints it, and each named user's chat is recorded as that app's user. Skipped, saying so,
 * where node or npm is not installed.
 */
@QuarkusTest
class AppKeyExampleTest {

    private static final Path EXAMPLE = Path.of("..", "examples", "openai-app-key-node");

    @InjectOpenAiStub
    OpenAiStub llm;

    @TestHTTPResource("/v1")
    URL gateway;

    @Test
    void theExampleTalksForTwoUsersThroughOneAppKey() throws Exception {
        assumeTrue(NodeScripts.available(), "node and npm are not on the PATH: the app key example is skipped");
        String app = "example-" + UUID.randomUUID().toString().substring(0, 8);
        llm.replies("Hello from alice", "Rooibos, alice.");
        llm.replies("Hello from bob", "Hojicha, bob.");
        String appKey = UserKeysTestResource.keys().appKeyFor(app, Duration.ofHours(1));
        Path work = NodeScripts.install(EXAMPLE, "app.mjs");

        JsonNode result = NodeScripts.run(work, "app.mjs", Map.of(
                "GATEWAY_BASE_URL", gateway.toString(),
                "PERSONA_APP_KEY", appKey), "alice", "bob");

        assertThat(result.path("alice").path("reply").asText()).isEqualTo("Rooibos, alice.");
        assertThat(result.path("bob").path("reply").asText()).isEqualTo("Hojicha, bob.");
        for (String user : new String[] { "alice", "bob" }) {
            String session = result.path(user).path("session").asText();
            assertThat(SessionStore.recorded(AppUsers.personaUserId(app, user), session, 2)
                    .getList("messages.content", String.class).get(0)).startsWith("Hello from " + user);
        }
    }
}
