package ai.persona.gateway.responses;

import static ai.persona.gateway.support.Users.as;
import static ai.persona.gateway.support.Users.newUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
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
 * The official openai npm client's {@code responses.create} (whole and streamed) and {@code responses.stream} hold one
 * conversation through /v1/responses: src/test/node/responses.mjs, installed with npm ci into target/ from the
 * committed lock file. Skipped, saying so, where node or npm is not installed.
 */
@QuarkusTest
class NodeResponsesClientTest {

    private static final Path SOURCES = Path.of("src", "test", "node");
    private static final List<String> FILES = List.of("package.json", "package-lock.json", ".npmrc", "responses.mjs");

    @InjectLlmStub
    LlmStub llm;

    @TestHTTPResource("/v1")
    URL gateway;

    @Test
    void theOfficialOpenAiNpmClientHoldsAConversationThroughTheResponsesApi() throws Exception {
        assumeTrue(installed("node") && installed("npm"),
                "node and npm are not on the PATH: the openai npm Responses client check is skipped");
        String user = newUser("node-responses");
        llm.replies("rfirst " + user, "First, whole.");
        llm.replies("rsecond " + user, "Second, streamed.");
        llm.replies("rthird " + user, "Third, through the helper.");
        Path work = copySources();

        run(work, Map.of(), "npm", "ci");
        String output = run(work, Map.of(
                "GATEWAY_BASE_URL", gateway.toString(),
                "GATEWAY_TOKEN", Users.token(user),
                "GATEWAY_MODEL", LlmStub.MODEL,
                "FIRST_MESSAGE", "rfirst " + user,
                "SECOND_MESSAGE", "rsecond " + user,
                "THIRD_MESSAGE", "rthird " + user), "node", "responses.mjs");

        String[] lines = output.strip().split("\n");
        JsonNode result = new ObjectMapper().readTree(lines[lines.length - 1]);
        assertThat(result.path("first").asText()).isEqualTo("First, whole.");
        assertThat(result.path("second").path("text").asText()).isEqualTo("Second, streamed.");
        assertThat(result.path("second").path("types").get(0).asText()).isEqualTo("response.created");
        assertThat(result.path("third").asText()).isEqualTo("Third, through the helper.");
        assertThat(result.path("model").asText()).isEqualTo(LlmStub.MODEL);
        // one session: the instructions, then three turns of two messages
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(user).get("/api/sessions").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].messageCount", equalTo(7)));
    }

    private static Path copySources() throws IOException {
        Path work = Path.of(System.getProperty("test.work-dir", "target"), "node-responses-client");
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
