package ai.persona.gateway.memory;

import static ai.persona.gateway.support.Users.newUser;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import ai.persona.gateway.support.SessionStore;
import ai.persona.gateway.support.Users;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** examples/memory-api-java runs as documented (java MemoryApiExample.java) against this gateway and is recorded. */
@QuarkusTest
class MemoryApiExampleTest {

    private static final Path EXAMPLE = Path.of("..", "examples", "memory-api-java", "MemoryApiExample.java");

    @Test
    void theExampleFetchesThePromptPostsItsConversationAndRevalidates() throws Exception {
        String user = newUser("example");
        String clientId = "example-run-1";
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), EXAMPLE.toString(), clientId)
                .redirectErrorStream(true);
        builder.environment().put("GATEWAY_URL", "http://localhost:" + RestAssured.port);
        builder.environment().put("PERSONA_TOKEN", Users.token(user));

        Process process = builder.start();
        boolean finished = process.waitFor(2, TimeUnit.MINUTES);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(Files.exists(EXAMPLE)).isTrue();
        assertThat(finished).as(output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("prompt: 200, persona version \"0\"").contains("conversation: 201")
                .contains("revalidated: 304 (unchanged)");
        String session = ConversationIds.sessionId(user, clientId);
        assertThat(SessionStore.ended(user, session).getList("messages.role", String.class))
                .isEqualTo(List.of("SYSTEM", "USER", "ASSISTANT"));
    }
}
