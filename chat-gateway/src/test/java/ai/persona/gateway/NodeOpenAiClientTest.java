package ai.persona.gateway;

import static ai.persona.gateway.support.Users.as;
import static ai.persona.gateway.support.Users.newUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.persona.gateway.support.InjectLlmStub;
import ai.persona.gateway.support.LlmStub;
import ai.persona.gateway.support.Users;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The official openai npm client holds a streamed conversation through /v1: src/test/node/chat.mjs, installed with
 * npm ci into target/ from the committed lock file. Skipped, saying so, where node or npm is not installed.
 */
@QuarkusTest
class NodeOpenAiClientTest {

    private static final Path SOURCES = Path.of("src", "test", "node");
    private static final List<String> FILES = List.of("package.json", "package-lock.json", ".npmrc", "chat.mjs");

    @InjectLlmStub
    LlmStub llm;

    @TestHTTPResource("/v1")
    URL gateway;

    @Test
    void theOfficialOpenAiNpmClientHoldsAStreamedConversation() throws Exception {
        assumeTrue(installed("node") && installed("npm"),
                "node and npm are not on the PATH: the openai npm client check is skipped");
        String user = newUser("node");
        llm.replies("node first " + user, "Hi from the stub, via Node.");
        llm.replies("node second " + user, "Second answer, streamed too.");
        Path work = copySources();

        run(work, Map.of(), "npm", "ci");
        String output = run(work, Map.of(
                "GATEWAY_BASE_URL", gateway.toString(),
                "GATEWAY_TOKEN", Users.token(user),
                "GATEWAY_MODEL", LlmStub.MODEL,
                "FIRST_MESSAGE", "node first " + user,
                "SECOND_MESSAGE", "node second " + user), "node", "chat.mjs");

        String[] lines = output.strip().split("\n");
        JsonNode result = new ObjectMapper().readTree(lines[lines.length - 1]);
        assertThat(result.path("first").path("text").asText()).isEqualTo("Hi from the stub, via Node.");
        assertThat(result.path("first").path("chunks").asInt()).isGreaterThan(1);
        assertThat(result.path("second").path("text").asText()).isEqualTo("Second answer, streamed too.");
        assertThat(result.path("models").get(0).asText()).isEqualTo(LlmStub.MODEL);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(user).get("/api/sessions").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].messageCount", equalTo(5)));
    }

    private static Path copySources() throws IOException {
        Path work = Path.of(System.getProperty("test.work-dir", "target"), "node-client");
        Files.createDirectories(work);
        for (String file : FILES) {
            Files.copy(SOURCES.resolve(file), work.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        return work;
    }

    private static boolean installed(String tool) {
        try {
            Process process = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String run(Path directory, Map<String, String> env, String... command) throws Exception {
        Path log = directory.resolve(command[0] + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        boolean finished = process.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(finished && process.exitValue() == 0)
                .as("%s failed:%n%s", String.join(" ", command), output)
                .isTrue();
        return output;
    }
}
