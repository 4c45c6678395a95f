package ai.persona.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import ai.persona.benchmark.phase.ContextPhase;
import ai.persona.model.PersonaJson;
import ai.persona.model.TokenCounter;
import picocli.CommandLine;

/**
 * The benchmark command in its tiny configuration, against the packaged services: every figure must come from a
 * measurement (a simulated latency of 50 ms shows in the raw latencies and is subtracted exactly; context tokens are
 * the count of what the model received; upkeep is the optimizer calls the simulator served). No speed is asserted.
 */
class BenchmarkIT {

    private static final Path ROOT = Path.of(System.getProperty("persona.root", "..")).toAbsolutePath().normalize();
    private static final Path OUT = ROOT.resolve("persona-bench/target/bench-it");
    private static final double SIMULATED_MS = 50;
    private static JsonNode result;

    @BeforeAll
    static void runQuickBenchmark() throws IOException {
        int exit = new CommandLine(new BenchmarkCommand()).execute("--quick", "--root", ROOT.toString(), "--out",
                OUT.toString(), "--sim-latency", "PT0.05S");
        assertThat(exit).isZero();
        result = PersonaJson.mapper().readTree(OUT.resolve("benchmark.json").toFile());
    }

    @Test
    void simulatedLatencyShowsInEveryRawFigureAndIsSubtractedExactly() {
        assertThat(result.path("overhead")).hasSize(2 * 5);
        for (JsonNode row : result.path("overhead")) {
            JsonNode raw = row.path("raw");
            JsonNode overhead = row.path("overhead");
            assertThat(row.path("failed").asInt()).as(row.toString()).isZero();
            assertThat(raw.path("count").asLong()).as(row.toString()).isPositive();
            assertThat(raw.path("p50").asDouble()).as(row.toString()).isGreaterThanOrEqualTo(SIMULATED_MS);
            for (String p : new String[] { "p50", "p95", "p99" }) {
                assertThat(overhead.path(p).asDouble()).isCloseTo(raw.path(p).asDouble() - SIMULATED_MS,
                        within(1e-9));
            }
        }
    }

    @Test
    void upkeepIsTheOptimizerCallsTheSimulatorServedPerSession() {
        JsonNode upkeep = result.path("upkeep");
        int sessions = upkeep.path("users").asInt() * upkeep.path("sessionsPerUser").asInt();
        assertThat(upkeep.path("allVersionsReached").asBoolean()).isTrue();
        // 3 users x 3 sessions with k = 3: one batch, one optimizer call each
        assertThat(upkeep.path("optimizerCalls").asLong()).isEqualTo(3);
        assertThat(upkeep.path("callsPerSession").asDouble()).isCloseTo(3.0 / sessions, within(1e-9));
        assertThat(upkeep.path("tokensPerSession").asDouble()).isCloseTo(
                (upkeep.path("inputTokens").asLong() + upkeep.path("outputTokens").asLong()) / (double) sessions,
                within(1e-9)).isPositive();
    }

    @Test
    void contextTokensCountWhatTheModelReceivedBesideTheFullHistory() {
        JsonNode first = result.path("context").path(0);
        JsonNode last = result.path("context").path(1);
        assertThat(first.path("pastSessions").asInt()).isEqualTo(1);
        assertThat(first.path("contextTokens").asInt()).as("no persona before the first batch").isZero();
        assertThat(last.path("personaVersion").asLong()).isEqualTo(6 / 3);
        assertThat(last.path("contextTokens").asInt())
                .isEqualTo(TokenCounter.count(last.path("systemMessage").asText())).isPositive();
        assertThat(last.path("systemMessage").asText()).contains("批次2");
        long history = 0;
        for (int session = 1; session <= 6; session++) {
            history += TokenCounter.count("user: " + ContextPhase.line(session) + "\nassistant: "
                    + "好的。".repeat(10) + "\n");
        }
        assertThat(last.path("fullHistoryTokens").asLong()).isEqualTo(history);
    }

    @Test
    void pipelineSawEveryUsersNewVersionAndFootprintIsMeasured() {
        JsonNode pipeline = result.path("pipeline");
        assertThat(pipeline.path("versionsSeen").asInt()).isEqualTo(pipeline.path("users").asInt());
        assertThat(pipeline.path("batchToVersion").path("count").asLong()).isEqualTo(pipeline.path("users").asLong());
        assertThat(pipeline.path("sessionsPerSecond").asDouble()).isPositive();
        for (JsonNode service : result.path("footprint")) {
            assertThat(service.path("startMillis").asLong()).as(service.toString()).isPositive();
            assertThat(service.path("rssAtRestMib").asDouble()).as(service.toString()).isGreaterThan(50);
        }
        assertThat(result.path("machine").path("cores").asInt()).isPositive();
    }

    @Test
    void reportAndPlotsAreWritten() throws IOException {
        assertThat(Files.readString(OUT.resolve("benchmark.md"))).contains("## P1").contains("## P5");
        for (String plot : new String[] { "overhead-by-concurrency.png", "context-by-sessions.png" }) {
            byte[] png = Files.readAllBytes(OUT.resolve(plot));
            assertThat(png.length).isGreaterThan(1000);
            assertThat(new String(png, 1, 3)).isEqualTo("PNG");
        }
    }
}
