package ai.persona.eval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;

import ai.persona.personabench.BenchPersona;
import ai.persona.personabench.PersonaBenchReader;
import ai.persona.eval.config.EvalPlan;
import ai.persona.eval.config.Protocol;
import ai.persona.eval.config.RoleEndpoint;
import ai.persona.eval.config.Setting;
import ai.persona.eval.llm.RateLimiter;
import ai.persona.eval.llm.RoleModel;
import ai.persona.eval.llm.Roles;
import ai.persona.eval.llm.TokenTally;
import ai.persona.eval.report.Charts;
import ai.persona.eval.report.MarkdownReport;
import ai.persona.eval.report.Summary;
import ai.persona.eval.run.CellJudge;
import ai.persona.eval.run.CostEstimate;
import ai.persona.eval.run.EvalRun;
import ai.persona.eval.run.PairwiseJudging;
import ai.persona.eval.run.Progress;
import ai.persona.eval.run.ResultStore;
import ai.persona.eval.run.SceneRunner;
import ai.persona.eval.run.UnitRunner;
import ai.persona.eval.stack.Deployment;
import ai.persona.infra.stack.JwtKeyFolder;
import ai.persona.model.PersonaJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code personabench-eval}: the paper's PersonaBench evaluation of a running deployment. See the module's README. */
@Command(name = "personabench-eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Evaluates a running AI Persona deployment on PersonaBench, with the protocol of the AI Persona "
                + "paper: a simulated user per persona and scene, talking to the gateway's OpenAI-compatible API.")
public final class EvalCommand implements Callable<Integer> {

    static final String RUN_FILE = "run.json";

    @Option(names = "--data", description = "PersonaBench data folder (default: ${DEFAULT-VALUE})")
    Path data = PersonaBenchReader.defaultDir();

    @Option(names = "--out", description = "results folder; rerunning into it resumes the run (default: ${DEFAULT-VALUE})")
    Path out = Path.of("eval-results");

    @Option(names = "--settings", split = ",", description = "cohorts: no-persona, golden, rag, learning-<k> "
            + "(default: ${DEFAULT-VALUE})")
    List<String> settings = List.of("no-persona", "golden", "learning-1", "learning-3", "learning-5", "rag");

    @Option(names = "--personas", description = "evaluate the first N personas (by name) only")
    int personas = Integer.MAX_VALUE;

    @Option(names = "--scenes", description = "play the first N scenes of each persona only")
    int scenes = Integer.MAX_VALUE;

    @Option(names = "--protocol", description = "paper: as the paper and its authors' released code run it; strict: "
            + "this tool's earlier protocol (empty learners, no scene prompt, one simulator prompt, similarity = mean "
            + "of consistency and detail) (default: paper)")
    Protocol.Kind protocol = Protocol.Kind.PAPER;

    @Option(names = "--learning-start", description = "a learner's persona before its first session: empty, "
            + "demographics (the golden Demographics; the updater keeps that section fixed) or golden "
            + "(default: demographics under paper, empty under strict)")
    Protocol.LearningStart learningStart;

    @Option(names = "--scene-in-prompt", negatable = true, description = "send the paper's chatbot prompt (device "
            + "assistant framing, scene description, API list) as the leading system message in every setting, No "
            + "Persona too (default: on under paper, off under strict)")
    Boolean sceneInPrompt;

    @Option(names = "--judge-reference", description = "what the judge of first replies gets as a reference: expected "
            + "(the scene's expected response) or none (default: expected; the paper protocol's judge also gets the "
            + "scene description and writes a rationale)")
    Protocol.JudgeReference judgeReference;

    @Option(names = "--max-turns", description = "cap on the user's messages per scene, 3 in the authors' code "
            + "(default: ${DEFAULT-VALUE})")
    int maxTurns = 3;

    @Option(names = "--max-tool-rounds", description = "tool-call rounds per reply (default: ${DEFAULT-VALUE})")
    int maxToolRounds = 3;

    @Option(names = "--verdict-retries", description = "asks again after an unparsable verdict; then it counts as "
            + "missing (default: ${DEFAULT-VALUE})")
    int verdictRetries = 2;

    @Option(names = "--concurrency", description = "users evaluated at once (default: ${DEFAULT-VALUE})")
    int concurrency = 2;

    @Option(names = "--rate", description = "LLM calls per minute across all workers, 0 = unlimited "
            + "(default: ${DEFAULT-VALUE})")
    int rate = 0;

    @Option(names = "--update-timeout", description = "longest wait for a learner's batch to end after the session "
            + "that completed it: a new version, or the updater's NO_CHANGE or PARKED, which end it at once "
            + "(default: ${DEFAULT-VALUE})")
    Duration updateTimeout = Duration.ofMinutes(3);

    @Option(names = "--llm-timeout", description = "per LLM call (default: ${DEFAULT-VALUE})")
    Duration llmTimeout = Duration.ofMinutes(3);

    @Option(names = "--dry-run", description = "print the protocol in force (each switch and its value), the plan and "
            + "an estimate of LLM calls and tokens, then stop")
    boolean dryRun;

    @Option(names = "--report-only", description = "rebuild the report from the results folder")
    boolean reportOnly;

    @Mixin
    DeploymentOptions deployment = new DeploymentOptions();

    @Mixin
    RoleOptions roles = new RoleOptions();

    public static void main(String[] args) {
        // before anything logs: langchain4j logs through slf4j to the JBoss LogManager, which must own JUL
        System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        System.exit(commandLine().execute(args));
    }

    /** The command as run from the shell: the switches' values (paper, strict, ...) are taken in any case. */
    public static CommandLine commandLine() {
        return new CommandLine(new EvalCommand()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public Integer call() throws Exception {
        PersonaBenchReader reader = new PersonaBenchReader(data);
        if (!reader.isAvailable()) {
            System.err.println("error: no PersonaBench data in " + data.toAbsolutePath()
                    + " (give --data or set " + PersonaBenchReader.DIR_ENV + ")");
            return 2;
        }
        List<BenchPersona> chosen = reader.personaNames().stream().sorted().limit(personas).map(reader::read)
                .toList();
        List<Setting> cohorts = settings.stream().map(Setting::parse).toList();
        Protocol chosenProtocol = Protocol.of(protocol, learningStart, sceneInPrompt, judgeReference);
        EvalPlan plan = new EvalPlan(runId(), chosen, scenes, cohorts, maxTurns, maxToolRounds, verdictRetries,
                updateTimeout, out, chosenProtocol);
        if (dryRun) {
            new CostEstimate(plan).print(System.out);
            return 0;
        }
        ResultStore store = new ResultStore(out);
        if (reportOnly) {
            report(plan, store, "(see earlier run)");
            return 0;
        }
        writeRun(plan);
        TokenTally tally = new TokenTally();
        RateLimiter limiter = new RateLimiter(rate);
        Roles models = new Roles(role("simulator", roles.simulator(), tally, limiter),
                role("tool-executor", roles.toolExecutor(), tally, limiter), role("judge", roles.judge(), tally,
                        limiter), verdictRetries, chosenProtocol);
        Deployment target = new Deployment(deployment.gatewayUrl, deployment.updaterUrl, deployment::updaterToken);
        JwtKeyFolder keys = deployment.keys();
        Progress progress = new Progress(plan.cellCount(), tally, System.err);
        UnitRunner units = new UnitRunner(plan, target, user -> keys.tokenFor(user, Duration.ofHours(24)),
                new SceneRunner(target, models, limiter, tally, maxTurns, maxToolRounds, llmTimeout, chosenProtocol),
                new CellJudge(target, models, updateTimeout), models, store, progress);
        List<String> failed = new EvalRun(plan, units, new PairwiseJudging(plan, models, store), concurrency).run();
        System.err.printf("%d cells finished now, %d skipped as done before.%n", progress.finishedThisRun(),
                progress.skippedCount());
        report(plan, store, deployment.gatewayUrl);
        failed.forEach(failure -> System.err.println("failed, rerun to retry: " + failure));
        return failed.isEmpty() ? 0 : 1;
    }

    private void report(EvalPlan plan, ResultStore store, String assistant) throws Exception {
        Summary summary = Summary.of(plan, store);
        Files.createDirectories(out);
        String markdown = MarkdownReport.render(plan, summary, assistant, new TreeMap<>(roles.models()));
        Files.writeString(out.resolve("report.md"), markdown);
        PersonaJson.mapper().writerWithDefaultPrettyPrinter().writeValue(out.resolve("summary.json").toFile(), summary);
        Charts.write(summary, out);
        System.out.println(markdown);
        System.err.println("report: " + out.resolve("report.md").toAbsolutePath());
    }

    private RoleModel role(String name, RoleEndpoint endpoint, TokenTally tally, RateLimiter limiter) {
        return new RoleModel(name, endpoint, llmTimeout, limiter, tally);
    }

    // a rerun into the same folder is the same run: same users, so their sessions and personas carry on
    private String runId() throws Exception {
        Path run = out.resolve(RUN_FILE);
        if (Files.exists(run)) {
            JsonNode json = PersonaJson.mapper().readTree(run.toFile());
            return json.path("runId").asText();
        }
        return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    }

    private void writeRun(EvalPlan plan) throws Exception {
        Files.createDirectories(out);
        Path run = out.resolve(RUN_FILE);
        if (!Files.exists(run)) {
            PersonaJson.mapper().writerWithDefaultPrettyPrinter().writeValue(run.toFile(), Map.of(
                    "runId", plan.runId(), "settings", settings, "personas", plan.personas().size(),
                    "scenes", scenes, "maxTurns", maxTurns, "gateway", deployment.gatewayUrl,
                    "protocol", plan.protocol().describe()));
        }
    }
}
