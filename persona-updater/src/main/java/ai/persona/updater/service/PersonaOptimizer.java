package ai.persona.updater.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import ai.persona.events.TokenUsage;
import ai.persona.updater.config.UpdaterConfig;
import ai.persona.updater.llm.AnswerParser;
import ai.persona.updater.llm.LlmReply;
import ai.persona.updater.llm.OptimizerLlm;
import ai.persona.updater.llm.OptimizerPrompt;
import ai.persona.updater.llm.ParsedAnswer;
import ai.persona.updater.llm.OptimizerInputBuilder;
import io.quarkus.logging.Log;

/**
 * One batch → one outcome, with one model call in the normal case: the answer is read and checked, and only an answer
 * that is malformed or fails the guardrails earns a single repair call that quotes the problems back. Blocking; the
 * caller runs it on a worker thread.
 */
@ApplicationScoped
public class PersonaOptimizer {

    private final OptimizerInputBuilder inputs;
    private final OptimizerLlm llm;
    private final AnswerParser parser;
    private final Guardrails guardrails;
    private final UpdaterMetrics metrics;
    private final int maxRawChars;

    public PersonaOptimizer(OptimizerInputBuilder inputs, OptimizerLlm llm, AnswerParser parser, Guardrails guardrails,
            UpdaterMetrics metrics, UpdaterConfig config) {
        this.inputs = inputs;
        this.llm = llm;
        this.parser = parser;
        this.guardrails = guardrails;
        this.metrics = metrics;
        this.maxRawChars = config.optimizer().maxRawOutputChars();
    }

    public OptimizerOutcome optimize(BatchInput input) {
        long started = System.nanoTime();
        try {
            return run(input);
        } finally {
            metrics.optimizerLatency(Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private OptimizerOutcome run(BatchInput input) {
        OptimizerPrompt prompt = inputs.build(input.mode(), input.baseVersion(), input.persona(), input.pins(),
                input.sessions());
        if (!prompt.omitted().isEmpty()) {
            Log.infof("batch %s: prompt trimmed to %d tokens, left out or shortened: %s", input.batchId(),
                    prompt.tokens(), prompt.omitted());
        }
        LlmReply first = llm.propose(prompt);
        Guardrails.Checked checked = evaluate(first.text(), input);
        if (checked.findings().isEmpty()) {
            return outcome(checked, first.usage());
        }
        Log.infof("batch %s: repairing the optimizer's answer: %s", input.batchId(), checked.findings());
        LlmReply second = llm.repair(prompt, cut(first.text()), describe(checked.findings()));
        TokenUsage usage = first.usage().plus(second.usage());
        Guardrails.Checked repaired = evaluate(second.text(), input);
        if (repaired.findings().isEmpty()) {
            return outcome(repaired, usage);
        }
        List<String> raw = new ArrayList<>(List.of(cut(first.text()), cut(second.text())));
        return new OptimizerOutcome.Parked(raw, repaired.findings(), usage);
    }

    private Guardrails.Checked evaluate(String answer, BatchInput input) {
        ParsedAnswer parsed = parser.parse(answer);
        if (!parsed.isReadable()) {
            List<Finding> findings = parsed.problems().stream()
                    .map(problem -> new Finding(Finding.MALFORMED_OUTPUT, "", problem))
                    .toList();
            return new Guardrails.Checked(List.of(), findings);
        }
        return guardrails.check(input.mode(), input.persona(), parsed.changes(), input.sessions(), input.pins());
    }

    private static OptimizerOutcome outcome(Guardrails.Checked checked, TokenUsage usage) {
        return checked.operations().isEmpty() ? new OptimizerOutcome.NoChange(usage)
                : new OptimizerOutcome.Proposed(checked.operations(), usage);
    }

    private static String describe(List<Finding> findings) {
        return findings.stream().map(f -> "- " + f).collect(Collectors.joining("\n"));
    }

    private String cut(String raw) {
        return raw.length() <= maxRawChars ? raw : raw.substring(0, maxRawChars) + " […]";
    }
}
