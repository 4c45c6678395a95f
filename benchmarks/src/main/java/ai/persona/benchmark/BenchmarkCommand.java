package ai.persona.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import ai.persona.benchmark.phase.AddedP99;
import ai.persona.benchmark.phase.BenchContext;
import ai.persona.benchmark.phase.ContextPhase;
import ai.persona.benchmark.phase.FootprintSampler;
import ai.persona.benchmark.phase.OverheadPhase;
import ai.persona.benchmark.phase.PipelinePhase;
import ai.persona.benchmark.phase.SceneScripts;
import ai.persona.benchmark.phase.UpkeepPhase;
import ai.persona.benchmark.profile.ProfileReport;
import ai.persona.benchmark.report.BenchmarkResult;
import ai.persona.benchmark.report.CombinedReport;
import ai.persona.benchmark.report.Machine;
import ai.persona.benchmark.report.MarkdownReport;
import ai.persona.benchmark.report.Plots;
import ai.persona.benchmark.sim.LlmSimulator;
import ai.persona.benchmark.sim.SimulatorSettings;
import ai.persona.infra.stack.LocalStack;
import ai.persona.infra.stack.StackOptions;
import ai.persona.model.PersonaJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code benchmarks}: P1-P5 against the packaged services and an LLM simulator, in one run. See the README. */
@Command(name = "benchmarks", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Starts PostgreSQL, Kafka, the three packaged services and an OpenAI-compatible LLM simulator, "
                + "then measures the overhead per chat turn (P1), upkeep cost (P2), context size (P3), pipeline "
                + "throughput (P4) and footprint (P5).")
public final class BenchmarkCommand implements Callable<Integer> {

    static final int K = 3;

    @Option(names = "--root", description = "project root, where the services are packaged (default: ${DEFAULT-VALUE})")
    Path root = Path.of(System.getProperty("persona.root", "."));

    @Option(names = "--out", description = "results folder (default: ${DEFAULT-VALUE})")
    Path out = Path.of("bench-results");

    @Option(names = "--quick", description = "a tiny configuration: seconds, not minutes (for tests)")
    boolean quick;

    @Option(names = "--sim-latency", description = "simulated model latency (default: ${DEFAULT-VALUE})")
    Duration latency = Duration.ofMillis(50);

    @Option(names = "--sim-first-token", description = "simulated time to first token (default: the latency)")
    Duration firstToken;

    @Option(names = "--levels", split = ",", description = "concurrent sessions for P1 (default: ${DEFAULT-VALUE})")
    List<Integer> levels = List.of(1, 50, 200);

    @Option(names = "--turn-every", description = "each session's pace in P1 (default: ${DEFAULT-VALUE})")
    Duration interval = Duration.ofSeconds(2);

    @Option(names = "--measure", description = "measured time per P1 cell, after a warm-up of a quarter of it "
            + "(default: ${DEFAULT-VALUE})")
    Duration measure = Duration.ofSeconds(8);

    @Option(names = "--upkeep-users", description = "P2 users (default: ${DEFAULT-VALUE})")
    int upkeepUsers = 20;

    @Option(names = "--upkeep-sessions", description = "P2 sessions per user (default: ${DEFAULT-VALUE})")
    int upkeepSessions = 9;

    @Option(names = "--context-points", split = ",", description = "P3 checkpoints (default: ${DEFAULT-VALUE})")
    List<Integer> contextPoints = List.of(1, 10, 100, 1000);

    @Option(names = "--pipeline-users", description = "P4 users, k sessions each (default: ${DEFAULT-VALUE})")
    int pipelineUsers = 200;

    @Option(names = "--pipeline-workers", description = "P4 concurrent users (default: ${DEFAULT-VALUE})")
    int pipelineWorkers = 32;

    @Option(names = "--phases", split = ",", description = "phases to run (default: ${DEFAULT-VALUE}); P5 always")
    List<String> phases = List.of("P1", "P2", "P3", "P4");

    @Option(names = "--personabench-dir", description = "PersonaBench data for P2's scene sessions (default: "
            + "-Dpersonabench.dir, else PERSONABENCH_DIR, else <root>/../shared/personabench/data); skipped if absent")
    Path personaBenchDir;

    @Option(names = "--combine", arity = "1..*", paramLabel = "RUN", description = "run nothing: combine earlier "
            + "runs' results folders (or benchmark.json files) into <out>/combined.md, each figure's median with "
            + "the lowest and highest run")
    List<Path> combine;

    @Option(names = "--jfr", description = "record each service with Java Flight Recorder (profile settings) into "
            + "<out>/jfr/, for `jfr print` or JDK Mission Control, and add each component's share of each service's CPU "
            + "samples to the report")
    boolean jfr;

    public static void main(String[] args) {
        System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        System.exit(new CommandLine(new BenchmarkCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (combine != null) {
            String combined = CombinedReport.render(combine);
            Files.createDirectories(out);
            Files.writeString(out.resolve("combined.md"), combined);
            System.out.println(combined);
            return 0;
        }
        if (quick) {
            levels = List.of(1, 4);
            interval = Duration.ofMillis(400);
            measure = Duration.ofSeconds(3);
            upkeepUsers = 3;
            upkeepSessions = 3;
            contextPoints = List.of(1, 6);
            pipelineUsers = 6;
            pipelineWorkers = 3;
        }
        long started = System.nanoTime();
        SimulatorSettings simulated = new SimulatorSettings(latency, firstToken == null ? latency : firstToken, 200,
                20);
        Files.createDirectories(out);
        try (LlmSimulator simulator = new LlmSimulator(simulated);
                LocalStack stack = LocalStack.start(StackOptions.of(root, out.resolve("logs"), simulator.baseUrl())
                        .withServiceConfig(quietServices())
                        .withJvmArgs(jfrArgs()))) {
            BenchContext bench = BenchContext.of(stack, simulator, "stub-model");
            FootprintSampler footprint = new FootprintSampler(stack);
            footprint.recordAtRest();
            log("P1 overhead at " + levels + " sessions");
            var overhead = phases.contains("P1")
                    ? new OverheadPhase(bench, interval, measure.dividedBy(4), measure, footprint).run(levels)
                    : List.<OverheadPhase.Row> of();
            log("P2 upkeep: " + upkeepUsers + " users x " + upkeepSessions + " sessions, short and PersonaBench");
            var upkeep = phases.contains("P2")
                    ? new UpkeepPhase(bench).run("short", UpkeepPhase.SHORT, upkeepUsers, upkeepSessions, K)
                    : null;
            Path scenesDir = (personaBenchDir != null ? personaBenchDir : SceneScripts.defaultDir(root))
                    .toAbsolutePath().normalize();
            Optional<SceneScripts> scenes = phases.contains("P2") ? SceneScripts.load(scenesDir, upkeepUsers)
                    : Optional.empty();
            var upkeepScenes = scenes.isPresent()
                    ? new UpkeepPhase(bench).run("personabench", scenes.get(), upkeepUsers, upkeepSessions, K)
                    : null;
            // visible, not silent: a run without the data says so in its table
            String scenesSkipped = phases.contains("P2") && scenes.isEmpty()
                    ? "P2 (PersonaBench sessions): skipped, no data at " + scenesDir
                    : null;
            if (scenesSkipped != null) {
                log(scenesSkipped);
            }
            log("P3 context at " + contextPoints + " past sessions");
            var context = phases.contains("P3") ? new ContextPhase(bench).run(contextPoints, K)
                    : List.<ContextPhase.Point> of();
            log("P4 pipeline: " + pipelineUsers + " users x " + K + " sessions");
            var pipeline = phases.contains("P4")
                    ? new PipelinePhase(bench, footprint).run(pipelineUsers, K, pipelineWorkers)
                    : null;
            BenchmarkResult result = new BenchmarkResult(Machine.describe(), settings(simulated), overhead,
                    AddedP99.of(overhead), upkeep, upkeepScenes, scenesSkipped, context, pipeline,
                    footprint.footprints(), (System.nanoTime() - started) / 1e9);
            String markdown = MarkdownReport.render(result);
            Files.writeString(out.resolve("benchmark.md"), markdown);
            PersonaJson.mapper().writerWithDefaultPrettyPrinter()
                    .writeValue(out.resolve("benchmark.json").toFile(), result);
            Plots.write(result, out);
            System.out.println(markdown);
        }
        if (jfr) {
            // the recordings are written as the services exit, with the stack above
            String profile = ProfileReport.render(out.resolve("jfr"));
            Files.writeString(out.resolve("benchmark.md"), "\n" + profile, StandardOpenOption.APPEND);
            System.out.println(profile);
        }
        return 0;
    }

    private List<String> jfrArgs() throws java.io.IOException {
        if (!jfr) {
            return List.of();
        }
        Path folder = Files.createDirectories(out.resolve("jfr").toAbsolutePath());
        // a folder as file name: the JVM names each recording after its process id
        return List.of("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + folder + "/");
    }

    // the services log every request at INFO under load; the benchmark measures them, not their logging
    private static Map<String, Map<String, String>> quietServices() {
        Map<String, String> quiet = Map.of("quarkus.log.level", "WARN");
        return Map.of(LocalStack.GATEWAY, quiet, LocalStack.SESSION_SERVICE, quiet, LocalStack.UPDATER, quiet);
    }

    private Map<String, Object> settings(SimulatorSettings simulated) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("simulatedLatencyMs", simulated.latency().toMillis());
        settings.put("simulatedFirstTokenMs", simulated.firstToken().toMillis());
        settings.put("levels", levels);
        settings.put("turnEveryMs", interval.toMillis());
        settings.put("measuredSeconds", measure.toSeconds());
        settings.put("k", K);
        return settings;
    }

    private static void log(String phase) {
        System.err.println("[benchmarks] " + phase);
    }
}
