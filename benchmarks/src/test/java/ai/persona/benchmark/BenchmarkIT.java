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
    private static final Path OUT = ROOT.resolve("benchmarks/target/bench-it");
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
    void addedP99IsTheGatewaysRawP99LessTheDirectOnesAtTheSameLevel() {
        assertThat(result.path("addedP99")).hasSize(2 * 3);
        for (JsonNode added : result.path("addedP99")) {
            String variant = added.path("variant").asText();
            String baseline = variant.endsWith("stream") ? "direct-stream" : "direct";
            assertThat(added.path("gatewayRawP99").asDouble()).isEqualTo(rawP99(variant, added.path("sessions")));
            assertThat(added.path("directRawP99").asDouble()).isEqualTo(rawP99(baseline, added.path("sessions")));
            assertThat(added.path("addedP99").asDouble()).as(added.toString()).isCloseTo(
                    added.path("gatewayRawP99").asDouble() - added.path("directRawP99").asDouble(), within(1e-9));
        }
    }

    private static double rawP99(String variant, JsonNode sessions) {
        for (JsonNode row : result.path("overhead")) {
            if (row.path("variant").asText().equals(variant) && row.path("sessions").equals(sessions)) {
                return row.path("raw").path("p99").asDouble();
            }
        }
        throw new AssertionError("no " + variant + " row at " + sessions);
    }

    @Test
    void upkeepOnPersonaBenchSessionsIsMeasuredWhereTheDataIsAndSaidSkippedWhereNot() throws IOException {
        JsonNode scenes = result.path("upkeepScenes");
        if (scenes.isNull() || scenes.isMissingNode()) {
            assertThat(result.path("upkeepScenesSkipped").asText())
                    .startsWith("P2 (PersonaBench sessions): skipped, no data at ");
            assertThat(Files.readString(OUT.resolve("benchmark.md"))).contains("P2 (PersonaBench sessions): skipped");
            return;
        }
        assertThat(scenes.path("allVersionsReached").asBoolean()).isTrue();
        assertThat(scenes.path("optimizerCalls").asLong()).isEqualTo(3);
        // several turns of the data's own text: the optimizer reads more than it does on the short sessions
        assertThat(scenes.path("userTurnsPerSession").asDouble()).isGreaterThanOrEqualTo(2);
        assertThat(scenes.path("userTokensPerSession").asDouble())
                .isGreaterThan(result.path("upkeep").path("userTokensPerSession").asDouble());
        assertThat(scenes.path("tokensPerSession").asDouble())
                .isGreaterThan(result.path("upkeep").path("tokensPerSession").asDouble());
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
        double sum = 0;
        for (JsonNode process : pipeline.path("cpuMillisPerSession")) {
            sum += process.isNumber() ? process.asDouble() : 0; // a process that could not be read is "NaN"
        }
        assertThat(pipeline.path("cpuMillisPerSession").has("PostgreSQL")).isTrue();
        assertThat(pipeline.path("cpuMillisPerSessionTotal").asDouble()).isPositive().isCloseTo(sum, within(1e-9));
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
