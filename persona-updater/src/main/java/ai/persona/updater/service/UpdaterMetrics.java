package ai.persona.updater.service;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import ai.persona.events.TokenUsage;
import ai.persona.model.PatchOperation;
import ai.persona.updater.llm.OptimizerMode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** The updater's own meters, exported at /q/metrics as persona_updater_*. */
@ApplicationScoped
public class UpdaterMetrics {

    private final MeterRegistry registry;
    private final Timer latency;

    public UpdaterMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.latency = Timer.builder("persona.updater.optimizer.latency")
                .description("time to turn one batch into an outcome, LLM calls and repair included")
                .publishPercentileHistogram()
                .register(registry);
    }

    /** Sessions consumed, by what became of them: buffered, duplicate, learning_off, forgotten. */
    public void session(String result) {
        registry.counter("persona.updater.sessions", "result", result).increment();
    }

    /** Batches run to an outcome: published, no_change, parked; or deferred when the model or broker was unavailable. */
    public void batch(String outcome) {
        registry.counter("persona.updater.batches", "outcome", outcome).increment();
    }

    /** What the optimizer made of a batch in its mode: changed (a patch was proposed), no_change or parked. */
    public void outcome(OptimizerMode mode, String outcome) {
        registry.counter("persona.updater.optimizer.outcomes", "mode", mode.id(), "outcome", outcome).increment();
    }

    public void operationsProposed(List<PatchOperation> operations) {
        operations.forEach(op -> registry.counter("persona.updater.operations.proposed", "kind", op.op()).increment());
    }

    /** One logical model call: purpose propose or repair, result ok, unavailable or rejected. */
    public void llmCall(String purpose, String result) {
        registry.counter("persona.updater.llm.calls", "purpose", purpose, "result", result).increment();
    }

    public void tokens(TokenUsage usage) {
        registry.counter("persona.updater.llm.tokens", "direction", "in").increment(usage.inputTokens());
        registry.counter("persona.updater.llm.tokens", "direction", "out").increment(usage.outputTokens());
    }

    public void optimizerLatency(Duration duration) {
        latency.record(duration);
    }
}
