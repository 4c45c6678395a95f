package ai.persona.benchgen.run;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import ai.persona.benchgen.input.SceneCatalog;
import ai.persona.benchgen.input.Seeds;
import ai.persona.benchgen.llm.Stage;
import ai.persona.benchgen.llm.Usage;
import ai.persona.model.TokenCounter;

/**
 * The plan without a call: units and LLM calls per stage (one each; at most twice that if every answer needs its
 * retry), and tokens. Input tokens are the real prompts' own words (o200k tokenizer) plus the real seeds and scene list,
 * plus the assumed sizes of what earlier stages write into later prompts; output tokens are those assumed sizes.
 */
public final class DryRun {

    /** Assumed answer sizes in tokens, English, near what gpt-4o writes for these prompts; Chinese runs longer. */
    static final int PERSONA_OUT = 450;
    static final int OUTLINE_OUT_PER_SCENE = 45;
    static final int DETAIL_OUT = 650;
    static final int QUERY_OUT = 70;
    static final int FILTER_OUT = 110;
    static final int TAKEN_LINE = 20;
    static final int CAPABILITY_HINT = 15;

    private final Stages stages;
    private final Seeds seeds;
    private final SceneCatalog catalog;
    private final int examples;

    public DryRun(Stages stages, Seeds seeds, SceneCatalog catalog, int examples) {
        this.stages = stages;
        this.seeds = seeds;
        this.catalog = catalog;
        this.examples = examples;
    }

    public Map<String, Usage> estimate() {
        long n = stages.personas();
        long s = stages.plan().total();
        long seedTokens = seeds.personas().stream().mapToLong(seed -> TokenCounter.count(seed.toPrettyString())).sum()
                / seeds.personas().size();
        long lineTokens = catalog.scenes().stream().mapToLong(scene -> TokenCounter.count(scene.line())).sum()
                / catalog.scenes().size();
        long personaIn = n * (stages.persona().prompt().fixedTokens() + Math.min(examples, seeds.personas().size())
                * seedTokens + TokenCounter.count(stages.persona().schemaText())) + TAKEN_LINE * n * (n - 1) / 2;
        long outlineIn = n * (stages.scene().outlinePrompt().fixedTokens() + PERSONA_OUT
                + stages.plan().common() * lineTokens);
        long detailIn = n * s * (stages.scene().detailPrompt().fixedTokens() + PERSONA_OUT + OUTLINE_OUT_PER_SCENE
                + CAPABILITY_HINT);
        long queryIn = n * s * (stages.query().prompt().fixedTokens() + PERSONA_OUT + DETAIL_OUT * 6 / 10);
        long filterIn = n * s * (stages.filter().prompt().fixedTokens() + PERSONA_OUT + DETAIL_OUT + QUERY_OUT);
        Map<String, Usage> plan = new TreeMap<>();
        plan.put(Stage.PERSONA.optionName(), new Usage(n, personaIn, n * PERSONA_OUT));
        plan.put(Stage.SCENE.optionName(), new Usage(n + n * s, outlineIn + detailIn,
                n * s * OUTLINE_OUT_PER_SCENE + n * s * DETAIL_OUT));
        plan.put(Stage.QUERY.optionName(), new Usage(n * s, queryIn, n * s * QUERY_OUT));
        plan.put(Stage.FILTER.optionName(), new Usage(n * s, filterIn, n * s * FILTER_OUT));
        return plan;
    }

    public void print(String language, Prices prices, PrintStream out) {
        Map<String, Usage> plan = estimate();
        long calls = plan.values().stream().mapToLong(Usage::calls).sum();
        out.printf(Locale.ROOT, "Plan: %d personas x %d scenes (%d common, %d specific) in %s: %d units, one LLM call"
                + " each (at most %d with every retry)%n", stages.personas(), stages.plan().total(),
                stages.plan().common(), stages.plan().specific(), language, calls, 2 * calls);
        out.println(CostTable.render(plan, prices));
        out.printf(Locale.ROOT, "Output sizes assumed per call: persona %d, scene outline %d per scene, scene %d, query"
                + " %d, filter %d tokens; inputs add them to the prompts' own %d/%d/%d/%d/%d tokens.%n", PERSONA_OUT,
                OUTLINE_OUT_PER_SCENE, DETAIL_OUT, QUERY_OUT, FILTER_OUT, stages.persona().prompt().fixedTokens(),
                stages.scene().outlinePrompt().fixedTokens(), stages.scene().detailPrompt().fixedTokens(),
                stages.query().prompt().fixedTokens(), stages.filter().prompt().fixedTokens());
    }
}
