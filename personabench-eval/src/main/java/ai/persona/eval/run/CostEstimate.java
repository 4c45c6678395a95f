package ai.persona.eval.run;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import ai.persona.personabench.BenchPersona;
import ai.persona.personabench.Scene;
import ai.persona.eval.config.EvalPlan;
import ai.persona.eval.config.Protocol;
import ai.persona.eval.config.Setting;
import ai.persona.eval.llm.Prompts;
import ai.persona.eval.llm.Roles;
import ai.persona.eval.llm.Usage;
import ai.persona.model.TokenCounter;

/**
 * The dry run's figures: LLM calls per role at least (every user satisfied by the first reply) and at most (the cap
 * every time), and tokens for a typical run of {@value #TYPICAL_UTTERANCES} user messages per scene (the paper's
 * figures are near 2). Input tokens come from the real prompts of each scene counted with the o200k tokenizer; the
 * sizes of the models' own answers are assumptions, printed with the figures. The prompts are those of the protocol in
 * force: under {@code paper} the assistant's scene prompt, the simulator's satisfaction check on every reply and its
 * follow-up writer on every reply but the last, and the paper judge's prompts.
 */
public final class CostEstimate {

    static final int TYPICAL_UTTERANCES = 2;
    static final int REPLY_TOKENS = 300;
    static final int SIMULATOR_OUT = 60;
    static final int TOOL_OUT = 150;
    static final int JUDGE_OUT = 20;
    /** The paper protocol's judge writes a rationale before its scores. */
    static final int JUDGE_RATIONALE_OUT = 80;

    private final EvalPlan plan;

    public CostEstimate(EvalPlan plan) {
        this.plan = plan;
    }

    public void print(PrintStream out) {
        Map<String, Usage> typical = new TreeMap<>();
        long minCalls = 0;
        long maxCalls = 0;
        for (BenchPersona persona : plan.personas()) {
            int scenes = plan.scenesOf(persona).size();
            String golden = persona.golden().toPrettyString();
            for (Setting setting : plan.settings()) {
                for (Scene scene : plan.scenesOf(persona)) {
                    boolean tools = !scene.availableApis().isEmpty();
                    minCalls += 3; // one assistant reply, one simulator verdict, one judge score
                    maxCalls += plan.maxTurns() * (2L + (tools ? 2L * plan.maxToolRounds() : 0)) + 1
                            + (plan.protocol().paper() ? plan.maxTurns() - 1 : 0); // the follow-up writer
                    addScene(typical, persona, scene, setting, golden, tools);
                }
                if (setting.learns()) {
                    long similarity = scenes / setting.k() + 1;
                    minCalls += similarity + (golden(plan) ? scenes : 0);
                    maxCalls += similarity + (golden(plan) ? scenes : 0);
                    int input = count(paper() ? "judge-similarity-paper-system" : "judge-similarity-system",
                            Map.of()) + 2 * TokenCounter.count(golden);
                    typical.merge("judge", new Usage(similarity, similarity * input, similarity * judgeOut()),
                            Usage::plus);
                }
            }
        }
        int personas = Math.max(1, plan.personas().size());
        out.println("Protocol: " + plan.protocol().describe() + " --max-turns " + plan.maxTurns()
                + " --max-tool-rounds " + plan.maxToolRounds());
        out.println("  learners' optimizer mode (updater settings): "
                + (plan.protocol().paper() ? "paper" : "the updater's default"));
        out.printf(Locale.ROOT, "Plan: %d personas x %d settings %s, %s: %d cells; "
                + "at most %d user messages per scene.%n", plan.personas().size(), plan.settings().size(),
                plan.settings().stream().map(Setting::id).toList(), plan.scenesDescription(), plan.cellCount(),
                plan.maxTurns());
        out.printf(Locale.ROOT, "LLM calls: at least %d, at most %d (%.0f to %.0f per persona).%n", minCalls, maxCalls,
                minCalls / (double) personas, maxCalls / (double) personas);
        out.printf(Locale.ROOT, "Typical run (%d user messages per scene; answers assumed %d tokens for the assistant, "
                + "%d simulator, %d tool, %d judge):%n", TYPICAL_UTTERANCES, REPLY_TOKENS, SIMULATOR_OUT, TOOL_OUT,
                judgeOut());
        out.println("| role | calls | input tokens | output tokens | per persona (in/out) |");
        out.println("|---|---|---|---|---|");
        typical.forEach((role, usage) -> out.printf(Locale.ROOT, "| %s | %d | %d | %d | %d / %d |%n", role,
                usage.calls(), usage.inputTokens(), usage.outputTokens(), usage.inputTokens() / personas,
                usage.outputTokens() / personas));
    }

    private void addScene(Map<String, Usage> typical, BenchPersona persona, Scene scene, Setting setting,
            String golden, boolean tools) {
        int query = TokenCounter.count(SceneRunner.opening(scene));
        int turn = query + REPLY_TOKENS;
        int personaContext = (setting.kind() == Setting.Kind.NO_PERSONA ? 0 : TokenCounter.count(golden))
                + (plan.protocol().sceneInPrompt() ? TokenCounter.count(Roles.scenePrompt(scene)) : 0);
        long assistantIn = 0;
        long simulatorIn = 0;
        long simulatorCalls = TYPICAL_UTTERANCES;
        Map<String, String> values = Map.of("persona", golden, "scene", scene.name(),
                "description", orEmpty(scene.description()), "context", orEmpty(scene.context()),
                "expected", orEmpty(scene.expectedResponse()));
        int simulatorSystem = count(paper() ? "simulator-satisfaction-system" : "simulator-system", values);
        int followUpSystem = paper() ? count("simulator-followup-system", values) : 0;
        for (int u = 1; u <= TYPICAL_UTTERANCES; u++) {
            assistantIn += personaContext + (long) u * turn;
            simulatorIn += simulatorSystem + (long) u * turn;
            if (paper() && u < TYPICAL_UTTERANCES) {
                simulatorIn += followUpSystem + (long) u * turn;
                simulatorCalls++;
            }
        }
        int assistantCalls = TYPICAL_UTTERANCES + (tools ? 1 : 0);
        typical.merge("assistant", new Usage(assistantCalls, assistantIn, (long) assistantCalls * REPLY_TOKENS),
                Usage::plus);
        typical.merge("simulator", new Usage(simulatorCalls, simulatorIn, simulatorCalls * SIMULATOR_OUT),
                Usage::plus);
        if (tools) {
            typical.merge("tool-executor", new Usage(1, 200 + TokenCounter.count(orEmpty(scene.context())), TOOL_OUT),
                    Usage::plus);
        }
        boolean reference = plan.protocol().judgeReference() == Protocol.JudgeReference.EXPECTED;
        int judgeIn = count(paper() ? "judge-first-reply-paper-system" : "judge-first-reply-system", Map.of())
                + TokenCounter.count(golden) + query + REPLY_TOKENS
                + TokenCounter.count((reference ? orEmpty(scene.expectedResponse()) : "") + orEmpty(scene.context())
                        + (paper() ? orEmpty(scene.description()) : ""));
        long judgeCalls = 1 + (setting.learns() && golden(plan) ? 1 : 0);
        typical.merge("judge", new Usage(judgeCalls, judgeCalls * judgeIn + (judgeCalls - 1) * REPLY_TOKENS,
                judgeOut() + (judgeCalls - 1) * JUDGE_OUT), Usage::plus);
    }

    private boolean paper() {
        return plan.protocol().paper();
    }

    private int judgeOut() {
        return paper() ? JUDGE_OUT + JUDGE_RATIONALE_OUT : JUDGE_OUT;
    }

    private static boolean golden(EvalPlan plan) {
        return plan.settings().stream().anyMatch(s -> s.kind() == Setting.Kind.GOLDEN);
    }

    private static int count(String prompt, Map<String, String> values) {
        return TokenCounter.count(Prompts.render(prompt, values));
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
