package ai.persona.benchgen;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import ai.persona.benchgen.check.Language;
import ai.persona.benchgen.input.SceneCatalog;
import ai.persona.benchgen.input.Seeds;
import ai.persona.benchgen.llm.Attempts;
import ai.persona.benchgen.llm.CallBudget;
import ai.persona.benchgen.llm.CallBudgetSpent;
import ai.persona.benchgen.llm.Stage;
import ai.persona.benchgen.llm.StageModel;
import ai.persona.benchgen.run.BenchWriter;
import ai.persona.benchgen.run.DryRun;
import ai.persona.benchgen.run.GeneratedPersona;
import ai.persona.benchgen.run.GenerationRun;
import ai.persona.benchgen.run.Prices;
import ai.persona.benchgen.run.Progress;
import ai.persona.benchgen.run.RunSettings;
import ai.persona.benchgen.run.Stages;
import ai.persona.benchgen.run.Summary;
import ai.persona.benchgen.run.UnitStore;
import ai.persona.benchgen.stage.FilterStage;
import ai.persona.benchgen.stage.PersonaStage;
import ai.persona.benchgen.stage.QueryStage;
import ai.persona.benchgen.stage.ScenePlan;
import ai.persona.benchgen.stage.SceneStage;
import ai.persona.model.PersonaSchema;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The paper's five-stage PersonaBench pipeline: seeds, personas, scenes, queries, filtering and neutralisation. */
@Command(name = "personabench-gen", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Generates a PersonaBench benchmark (the AI PERSONA paper's format) in any language.")
public final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--out", description = "output folder; a rerun into it resumes (default: ${DEFAULT-VALUE})",
            defaultValue = "personabench-generated")
    Path out;

    @Option(names = "--language", description = "language of the benchmark, a BCP 47 tag (default: ${DEFAULT-VALUE})",
            defaultValue = "en")
    String language;

    @Option(names = "--personas", description = "personas to synthesize (default: ${DEFAULT-VALUE})", defaultValue = "10")
    int personas;

    @Option(names = "--scenes-per-persona", description = "scenes per persona, half of them common"
            + " (default: ${DEFAULT-VALUE})", defaultValue = "10")
    int scenesPerPersona;

    @Option(names = "--seed", description = "seed of the sampling of examples and common scenes, also sent to the"
            + " model (default: ${DEFAULT-VALUE})", defaultValue = "42")
    long seed;

    @Mixin
    InputOptions inputs = new InputOptions();

    @Option(names = "--examples", description = "seed personas shown per synthesis call (default: ${DEFAULT-VALUE})",
            defaultValue = "3")
    int examples;

    @Option(names = "--duplicate-threshold", description = "character-bigram cosine similarity at which a persona is a"
            + " near-duplicate (default: ${DEFAULT-VALUE})", defaultValue = "0.85")
    double duplicateThreshold;

    @Mixin
    StageOptions models = new StageOptions();

    @Option(names = "--timeout", description = "per LLM call (default: ${DEFAULT-VALUE})", defaultValue = "PT2M")
    Duration timeout;

    @Option(names = "--max-calls", description = "stop before the next unit once this many LLM calls are made; a rerun"
            + " resumes (default: no limit)")
    Long maxCalls;

    @Option(names = "--price-input", description = "USD per million input tokens, for the cost column", defaultValue = "0")
    double priceInput;

    @Option(names = "--price-output", description = "USD per million output tokens", defaultValue = "0")
    double priceOutput;

    @Option(names = "--dry-run", description = "print the plan, calls and tokens per stage; call nothing")
    boolean dryRun;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command, with a bad file or setting reported as its message alone, exit code 2. */
    public static CommandLine commandLine() {
        CommandLine line = new CommandLine(new GenerateCommand());
        line.setExecutionExceptionHandler((error, command, parsed) -> {
            if (!(error instanceof IllegalArgumentException || error instanceof java.io.UncheckedIOException)) {
                throw error;
            }
            System.err.println("personabench-gen: " + error.getMessage()); // where progress goes too
            return 2;
        });
        return line;
    }

    @Override
    public Integer call() {
        if (personas < 1 || scenesPerPersona < 1 || examples < 1) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "--personas, --scenes-per-persona and --examples must be at least 1");
        }
        Language lang = Language.of(language);
        Seeds seeds = inputs.seeds();
        SceneCatalog catalog = inputs.catalog();
        PersonaSchema personaSchema = inputs.schema();
        CallBudget budget = maxCalls == null ? CallBudget.unlimited() : new CallBudget(maxCalls);
        Map<Stage, StageModel> stageModels = new EnumMap<>(Stage.class);
        if (!dryRun) {
            for (Stage stage : Stage.values()) {
                stageModels.put(stage, new StageModel(stage, models.endpoint(stage), timeout, (int) seed));
            }
        }
        Attempts attempts = new Attempts(budget);
        ScenePlan plan = ScenePlan.of(scenesPerPersona, catalog.scenes().size());
        Stages stages = new Stages(
                new PersonaStage(stageModels.get(Stage.PERSONA), attempts, seeds, personaSchema, lang,
                        duplicateThreshold, examples, seed),
                new SceneStage(stageModels.get(Stage.SCENE), attempts, catalog, lang, plan, seed),
                new QueryStage(stageModels.get(Stage.QUERY), attempts, lang),
                new FilterStage(stageModels.get(Stage.FILTER), attempts, lang), personas, plan);
        Prices prices = new Prices(priceInput, priceOutput);
        if (dryRun) {
            new DryRun(stages, seeds, catalog, examples).print(lang.name(), prices, System.out);
            return 0;
        }
        return generate(stages, lang, prices);
    }

    private int generate(Stages stages, Language lang, Prices prices) {
        new RunSettings(language, seed, scenesPerPersona, examples, duplicateThreshold).claim(out);
        Progress progress = new Progress(personas * stages.unitsPerPersona(), System.err);
        GenerationRun run = new GenerationRun(stages, new UnitStore(out), progress);
        List<GeneratedPersona> generated;
        try {
            generated = run.run();
        } catch (CallBudgetSpent spent) {
            System.out.println(spent.getMessage() + " (" + progress.computed() + " units finished in this run)");
            return 0;
        }
        List<String> files = new BenchWriter(out, lang).write(generated);
        System.out.printf("%d units resumed from earlier runs, %d made now%n", progress.resumedCount(),
                progress.computed());
        new Summary(prices).write(out, generated, files, run.findings(), run.spent(), System.out);
        return 0;
    }
}
