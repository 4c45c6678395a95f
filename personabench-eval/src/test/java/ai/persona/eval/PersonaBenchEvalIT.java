package ai.persona.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import ai.persona.eval.run.CellResult;
import ai.persona.eval.run.ResultStore;
import ai.persona.infra.stack.LocalStack;
import ai.persona.infra.stack.StackOptions;
import ai.persona.model.PersonaJson;

/**
 * The evaluation tool as a user runs it (its packaged jar, a separate process) against the three packaged services on
 * PostgreSQL and Kafka, with every model scripted by {@link ScriptedLlm}. The strict protocol over 2 personas x 4 scenes
 * x 6 settings: the first run is killed part way; the second resumes it. Then the paper protocol, with its defaults,
 * over 1 persona x 2 scenes x 4 settings. The reports' figures must be exactly what the script implies.
 */
class PersonaBenchEvalIT {

    private static final Path ROOT = Path.of(System.getProperty("persona.root", "..")).toAbsolutePath().normalize();
    private static final Path WORK = ROOT.resolve("personabench-eval/target/eval-it");
    private static final Path OUT = WORK.resolve("results");
    private static final Path PAPER_OUT = WORK.resolve("results-paper");
    private static final int KILL_AFTER_CELLS = 12;

    private static ScriptedLlm llm;
    private static LocalStack stack;
    private static List<String> cellsBeforeKill;
    private static String resumedOutput;
    private static List<JsonNode> paperRequests;

    @BeforeAll
    static void runKillAndResume() throws Exception {
        deleteRecursively(WORK);
        Path data = BenchFixture.write(WORK.resolve("data"));
        llm = new ScriptedLlm();
        stack = LocalStack.start(StackOptions.of(ROOT, WORK.resolve("logs"), llm.baseUrl()));
        List<String> args = List.of("--data", data.toString(), "--out", OUT.toString(),
                "--gateway-url", stack.gatewayUrl(), "--updater-url", stack.updaterUrl(),
                "--jwt-keys", stack.keys().folder().toString(), "--llm-base-url", llm.baseUrl(),
                "--simulator-model", "sim-model", "--tool-model", "tool-model", "--judge-model", "judge-model",
                "--max-turns", "3", "--concurrency", "2", "--update-timeout", "PT60S", "--protocol", "strict");

        Process first = evalProcess(args, WORK.resolve("first-run.log"));
        Path cells = OUT.resolve(ResultStore.CELLS);
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (lines(cells).size() < KILL_AFTER_CELLS && first.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(first.isAlive()).as("the first run must still be going when it is killed").isTrue();
        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        cellsBeforeKill = complete(lines(cells));

        Process second = evalProcess(args, WORK.resolve("second-run.log"));
        assertThat(second.waitFor(6, TimeUnit.MINUTES)).as("the resumed run finishes").isTrue();
        resumedOutput = Files.readString(WORK.resolve("second-run.log"));
        assertThat(second.exitValue()).as(resumedOutput).isZero();
        runPaperProtocol(data);
    }

    // the defaults are the paper protocol's: no --protocol, no --max-turns. The update timeout is far longer than the
    // run may take: a batch that ends without a version must end the wait on its status, not on the timeout
    private static void runPaperProtocol(Path data) throws Exception {
        int before = llm.requests.size();
        Process paper = evalProcess(List.of("--data", data.toString(), "--out", PAPER_OUT.toString(),
                "--gateway-url", stack.gatewayUrl(), "--updater-url", stack.updaterUrl(),
                "--jwt-keys", stack.keys().folder().toString(), "--llm-base-url", llm.baseUrl(),
                "--simulator-model", "sim-model", "--tool-model", "tool-model", "--judge-model", "judge-model",
                "--personas", "1", "--scenes", "2", "--settings", "no-persona,golden,learning-1,rag",
                "--concurrency", "2", "--update-timeout", "PT30M"), WORK.resolve("paper-run.log"));
        assertThat(paper.waitFor(3, TimeUnit.MINUTES)).as("the paper-protocol run finishes").isTrue();
        assertThat(paper.exitValue()).as(Files.readString(WORK.resolve("paper-run.log"))).isZero();
        synchronized (llm.requests) {
            paperRequests = List.copyOf(llm.requests.subList(before, llm.requests.size()));
        }
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
        if (llm != null) {
            llm.close();
        }
    }

    @Test
    void killedRunResumesWithoutRedoingFinishedCells() throws IOException {
        List<String> finalCells = lines(OUT.resolve(ResultStore.CELLS));
        assertThat(cellsBeforeKill).hasSizeGreaterThanOrEqualTo(KILL_AFTER_CELLS);
        assertThat(finalCells.subList(0, cellsBeforeKill.size())).isEqualTo(cellsBeforeKill);
        assertThat(finalCells.stream().map(PersonaBenchEvalIT::cellId).distinct()).hasSize(48).hasSize(finalCells.size());
        assertThat(resumedOutput).contains(cellsBeforeKill.size() + " skipped as done before");
    }

    @Test
    void reportHasTheFiguresTheScriptImplies() throws IOException {
        Map<String, JsonNode> rows = new java.util.HashMap<>();
        summary().path("rows").forEach(row -> rows.put(row.path("setting").asText(), row));
        assertThat(rows).containsOnlyKeys("no-persona", "golden", "learning-1", "learning-3", "learning-5", "rag");
        for (JsonNode row : rows.values()) {
            assertThat(row.path("cells").asInt()).isEqualTo(8);
            // scenes 1-3 satisfied after 1, 2, 3 messages (continue, continue, satisfied); scene 4 stops at the cap
            assertThat(row.path("utterances").asDouble()).isEqualTo((1 + 2 + 3 + 3) / 4.0);
            assertThat(row.path("satisfiedRate").asDouble()).isEqualTo(0.75);
            assertThat(row.path("helpfulness").asDouble()).isEqualTo(7.0);
            assertThat(row.path("scoresMissing").asInt()).as("王磊's scene 4 has no parsable verdict").isEqualTo(1);
            assertThat(row.path("updatesTimedOut").asInt()).isZero();
        }
        // personalization 8 with a persona, 6 with a past session, 4 with neither; 7 scored cells per setting
        assertThat(personalization(rows, "no-persona")).isCloseTo(4.0, within(1e-9));
        assertThat(personalization(rows, "golden")).isCloseTo(8.0, within(1e-9));
        assertThat(personalization(rows, "learning-1")).isCloseTo((4 + 8 + 8 + 8 + 4 + 8 + 8) / 7.0, within(1e-9));
        assertThat(personalization(rows, "learning-3")).isCloseTo((4 + 4 + 4 + 8 + 4 + 4 + 4) / 7.0, within(1e-9));
        assertThat(personalization(rows, "learning-5")).isCloseTo(4.0, within(1e-9));
        assertThat(personalization(rows, "rag")).isCloseTo((4 + 6 + 6 + 6 + 4 + 6 + 6) / 7.0, within(1e-9));
        for (String learner : List.of("learning-1", "learning-3", "learning-5")) {
            assertThat(rows.get(learner).path("similarity").asDouble()).isEqualTo(5.0);
        }
        assertThat(rows.get("golden").path("similarity").isNull()).isTrue();
        JsonNode byUpdate = summary().path("similarityByUpdate");
        assertThat(byUpdate.path("learning-1").size()).as("an update after each of 4 sessions").isEqualTo(4);
        assertThat(byUpdate.path("learning-1").path("4").asDouble()).isEqualTo(5.0);
        assertThat(byUpdate.path("learning-3").size()).isEqualTo(1);
        assertThat(byUpdate.path("learning-5").size()).isZero();
    }

    @Test
    void winRatesAndUtterancesByScenePerSetting() throws IOException {
        JsonNode summary = summary();
        JsonNode wins = summary.path("winRates");
        assertThat(winRate(wins, "learning-1")).isEqualTo(6 * 0.5 / 8);
        assertThat(winRate(wins, "learning-3")).isEqualTo(2 * 0.5 / 8);
        assertThat(winRate(wins, "learning-5")).isEqualTo(0.0);
        for (JsonNode byScene : summary.path("utterancesByScene")) {
            assertThat(byScene.path("1").asDouble()).isEqualTo(1.0);
            assertThat(byScene.path("3").asDouble()).isEqualTo(3.0);
            assertThat(byScene.path("4").asDouble()).isEqualTo(3.0);
        }
        assertThat(png(OUT.resolve("utterances-by-scene.png"))).isTrue();
        assertThat(png(OUT.resolve("win-rate-by-group.png"))).isTrue();
        String report = Files.readString(OUT.resolve("report.md"));
        assertThat(report).contains("| Persona Learning (k=3) | 7.00 [8.29] |").contains("| No Persona |");
    }

    @Test
    void learnersPersonasMovedOncePerBatchAndToolsWereAnswered() throws IOException {
        Map<String, Long> versions = lines(OUT.resolve(ResultStore.PERSONAS)).stream().map(PersonaBenchEvalIT::json)
                .collect(Collectors.toMap(p -> p.path("setting").asText() + "/" + p.path("persona").asText(),
                        p -> p.path("version").asLong(), (a, b) -> b));
        assertThat(versions).containsEntry("learning-1/林晓", 4L).containsEntry("learning-1/王磊", 4L)
                .containsEntry("learning-3/林晓", 1L).containsEntry("learning-5/王磊", 0L);
        List<JsonNode> sceneTwo = lines(OUT.resolve(ResultStore.CELLS)).stream().map(PersonaBenchEvalIT::json)
                .filter(c -> c.path("conversation").path("key").path("sceneNumber").asInt() == 2).toList();
        assertThat(sceneTwo).hasSize(12).allSatisfy(cell -> {
            assertThat(cell.path("conversation").path("toolCalls").asInt()).isEqualTo(1);
            assertThat(cell.path("conversation").path("firstReply").asText()).contains(ScriptedLlm.TOOL_RESULT);
        });
        assertThat(llm.simulatorGarbage.get()).as("an unparsable simulator verdict was asked again").isGreaterThan(1);
    }

    @Test
    void paperProtocolLearnersStartFromTheGoldenDemographicsOnly() throws IOException {
        JsonNode learner = lines(PAPER_OUT.resolve(ResultStore.PERSONAS)).stream().map(PersonaBenchEvalIT::json)
                .filter(p -> p.path("setting").asText().equals("learning-1")).findFirst().orElseThrow();
        JsonNode learned = learner.path("learned");
        assertThat(learned.path("Demographics").path("Name").asText()).isEqualTo(BenchFixture.FIRST);
        assertThat(learned.path("Demographics").path("Career_Information").asText()).isEqualTo("杭州一家茶馆的店主");
        assertThat(learned.has("Personality")).as("only Demographics is given; the rest is learned").isFalse();
        assertThat(learned.path("Preference").path("Preferred_Styles").asText()).isEqualTo(ScriptedLlm.LEARNED
                + "（第1批）");
        // the start persona reached the assistant before any update: the first reply of session 1 had a persona
        assertThat(paperCell("learning-1", 1).path("conversation").path("firstReply").asText())
                .contains("[ctx:persona]");
    }

    @Test
    void paperProtocolSendsTheScenePromptInEverySettingAndCapsSessionsAtThreeMessages() throws IOException {
        List<JsonNode> assistant = paperRequests.stream()
                .filter(r -> !List.of("sim-model", "tool-model", "judge-model").contains(r.path("model").asText()))
                .filter(r -> !r.toString().contains("\\\"operations\\\""))
                .toList();
        // 4 settings x (scene 1: one reply; scene 2: three replies, the first after a tool call)
        assertThat(assistant).hasSize(4 * (1 + 3 + 1));
        // the gateway's own system message (persona, past session) comes first, then the tool's scene prompt
        assertThat(assistant).allSatisfy(request -> assertThat(java.util.stream.StreamSupport
                .stream(request.path("messages").spliterator(), false)
                .filter(m -> m.path("role").asText().equals("system")).map(m -> m.path("content").asText())
                .collect(Collectors.joining("\n")))
                .contains("You are an AI assistant deployed on the user's device", "用户需要帮助。"));
        List<JsonNode> cells = lines(PAPER_OUT.resolve(ResultStore.CELLS)).stream().map(PersonaBenchEvalIT::json)
                .toList();
        assertThat(cells).hasSize(8);
        assertThat(cells.stream().map(c -> c.path("conversation").path("firstReply").asText().replaceAll(".*\\[ctx:", "")))
                .as("no persona, golden, learner and rag all answered").contains("plain]", "persona]", "rag]");
        for (JsonNode cell : cells) {
            long userMessages = java.util.stream.StreamSupport.stream(cell.path("conversation").path("transcript")
                    .spliterator(), false).filter(t -> t.path("role").asText().equals("user")).count();
            assertThat(userMessages).isLessThanOrEqualTo(3);
            assertThat(cell.path("conversation").path("utterances").asInt())
                    .isEqualTo(cell.path("conversation").path("key").path("sceneNumber").asInt() == 1 ? 1 : 3);
        }
    }

    @Test
    void paperProtocolSimulatorChecksWithTheReferenceAndWritesWithoutIt() {
        List<JsonNode> simulator = paperRequests.stream().filter(r -> r.path("model").asText().equals("sim-model"))
                .toList();
        List<JsonNode> checks = simulator.stream().filter(r -> r.toString().contains("simulator-satisfaction"))
                .toList();
        // per setting: scene 1 checked once; scene 2 checked after each of 3 replies, a follow-up after the first two
        assertThat(checks).hasSize(4 * 4).allSatisfy(r -> assertThat(r.toString()).contains(ScriptedLlm.EXPECTED));
        assertThat(simulator).hasSize(4 * 4 + 4 * 2);
        assertThat(llm.followUpsShownTheExpected.get()).isZero();
    }

    @Test
    void paperProtocolBatchWithoutChangeEndsTheWaitAndIsReportedAsNoChange() throws IOException {
        JsonNode noChange = paperCell("learning-1", 2);
        assertThat(noChange.path("updateOutcome").asText()).isEqualTo("NO_CHANGE");
        assertThat(noChange.path("updateTimedOut").asBoolean()).isFalse();
        assertThat(paperCell("learning-1", 1).path("updateOutcome").asText()).isEqualTo("CHANGED");
        JsonNode row = paperRow("learning-1");
        assertThat(row.path("updates").path("no change").asInt()).isEqualTo(1);
        assertThat(row.path("updates").path("changed").asInt()).isEqualTo(1);
        assertThat(row.path("updatesTimedOut").asInt()).isZero();
        assertThat(Files.readString(PAPER_OUT.resolve("report.md"))).contains("| 1 changed, 1 no change |")
                .doesNotContain("timed out |");
    }

    @Test
    void paperProtocolReportsTheHolisticSimilarityAndAllSixPaperRows() throws IOException {
        JsonNode row = paperRow("learning-1");
        assertThat(row.path("similarity").asDouble()).as("the holistic score, not (6 + 4) / 2").isEqualTo(7.0);
        assertThat(row.path("consistency").asDouble()).isEqualTo(6.0);
        assertThat(row.path("detail").asDouble()).isEqualTo(4.0);
        assertThat(PersonaJson.mapper().readTree(PAPER_OUT.resolve("summary.json").toFile())
                .path("similarityByUpdate").path("learning-1").toString()).isEqualTo("{\"1\":7.0}");
        assertThat(paperRow("no-persona").path("firstReplyToolShare").asDouble()).as("scene 2 of 2 calls a tool")
                .isEqualTo(0.5);
        String report = Files.readString(PAPER_OUT.resolve("report.md"));
        assertThat(report).contains("Protocol: `--protocol paper --learning-start demographics --scene-in-prompt "
                + "--judge-reference expected --max-turns 3`")
                .contains("| Persona Learning (k=1) | 7.00 [8.09] |")
                .contains("| Conversations RAG | 8.07 | 7.48 | – | 2.89 |")
                .contains("| Persona Learning (k=5) | 8.03 | 7.59 | 5.23 | 2.15 |");
    }

    private static JsonNode paperCell(String setting, int scene) throws IOException {
        return lines(PAPER_OUT.resolve(ResultStore.CELLS)).stream().map(PersonaBenchEvalIT::json)
                .filter(c -> c.path("conversation").path("key").path("setting").asText().equals(setting)
                        && c.path("conversation").path("key").path("sceneNumber").asInt() == scene)
                .findFirst().orElseThrow();
    }

    private static JsonNode paperRow(String setting) throws IOException {
        JsonNode rows = PersonaJson.mapper().readTree(PAPER_OUT.resolve("summary.json").toFile()).path("rows");
        for (JsonNode row : rows) {
            if (row.path("setting").asText().equals(setting)) {
                return row;
            }
        }
        throw new AssertionError("no row " + setting);
    }

    private static double personalization(Map<String, JsonNode> rows, String setting) {
        return rows.get(setting).path("personalization").asDouble();
    }

    private static double winRate(JsonNode wins, String setting) {
        JsonNode group = wins.path(setting).path("1-10");
        int judged = group.path("wins").asInt() + group.path("ties").asInt() + group.path("losses").asInt();
        assertThat(group.path("missing").asInt()).isZero();
        return (group.path("wins").asInt() + group.path("ties").asInt() / 2.0) / judged;
    }

    private static JsonNode summary() throws IOException {
        return PersonaJson.mapper().readTree(OUT.resolve("summary.json").toFile());
    }

    private static Process evalProcess(List<String> args, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", ROOT.resolve("personabench-eval/target/personabench-eval.jar").toString()));
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static boolean png(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        return bytes.length > 1000 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G';
    }

    private static String cellId(String line) {
        JsonNode key = json(line).path("conversation").path("key");
        return key.path("personaIndex").asInt() + "|" + key.path("setting").asText() + "|" + key.path("sceneNumber");
    }

    private static JsonNode json(String line) {
        try {
            return PersonaJson.mapper().readTree(line);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
    }

    // a line the kill cut short is not a finished cell
    private static List<String> complete(List<String> lines) {
        return lines.stream().filter(line -> {
            try {
                PersonaJson.mapper().readValue(line, CellResult.class);
                return true;
            } catch (IOException cutShort) {
                return false;
            }
        }).toList();
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (var paths = Files.walk(folder)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
