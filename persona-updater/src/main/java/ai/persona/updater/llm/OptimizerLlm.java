package ai.persona.updater.llm;

import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Retry;

import ai.persona.events.TokenUsage;
import ai.persona.model.TokenCounter;
import ai.persona.model.guard.SensitiveDataPolicy;
import ai.persona.updater.service.UpdaterMetrics;
import dev.langchain4j.service.Result;
import io.smallrye.faulttolerance.api.ExponentialBackoff;

/**
 * Calls the optimizer model, retrying with exponential backoff only what a retry can fix (timeouts, 429, 5xx,
 * connection failures). Tune through {@code quarkus.fault-tolerance."ai.persona.updater.llm.OptimizerLlm".retry.*}.
 * Note that langchain4j's client also retries such failures once by itself (see the report); what is counted here is one
 * logical call per attempt.
 */
@ApplicationScoped
@Retry(maxRetries = 3, delay = 2, delayUnit = ChronoUnit.SECONDS, jitter = 500, retryOn = LlmUnavailableException.class)
@ExponentialBackoff(factor = 2, maxDelay = 1, maxDelayUnit = ChronoUnit.MINUTES)
public class OptimizerLlm {

    private final OptimizerAi conservative;
    private final PaperOptimizerAi paper;
    private final UpdaterMetrics metrics;
    private final String neverStore;

    public OptimizerLlm(OptimizerAi conservative, PaperOptimizerAi paper, UpdaterMetrics metrics,
            SensitiveDataPolicy sensitiveData) {
        this.conservative = conservative;
        this.paper = paper;
        this.metrics = metrics;
        this.neverStore = sensitiveData.neverStoreInstruction();
    }

    /** The first call, with the prompt of the prompt's mode. */
    public LlmReply propose(OptimizerPrompt prompt) {
        return call("propose", prompt, () -> switch (prompt.mode()) {
            case CONSERVATIVE -> conservative.propose(prompt.schema(), prompt.version(), prompt.persona(),
                    prompt.sessions(), neverStore);
            case PAPER -> paper.propose(prompt.schema(), prompt.version(), prompt.persona(), prompt.sessions(),
                    neverStore);
        });
    }

    public LlmReply repair(OptimizerPrompt prompt, String previousAnswer, String problems) {
        return call("repair", prompt, () -> switch (prompt.mode()) {
            case CONSERVATIVE -> conservative.repair(prompt.schema(), prompt.version(), prompt.persona(),
                    prompt.sessions(), previousAnswer, problems, neverStore);
            case PAPER -> paper.repair(prompt.schema(), prompt.version(), prompt.persona(), prompt.sessions(),
                    previousAnswer, problems, neverStore);
        });
    }

    private LlmReply call(String purpose, OptimizerPrompt prompt, Supplier<Result<String>> call) {
        Result<String> result;
        try {
            result = call.get();
        } catch (RuntimeException e) {
            RuntimeException classified = LlmFailures.classify(e);
            metrics.llmCall(purpose, classified instanceof LlmUnavailableException ? "unavailable" : "rejected");
            throw classified;
        }
        String text = result.content() == null ? "" : result.content();
        TokenUsage usage = usage(result, prompt, text);
        metrics.llmCall(purpose, "ok");
        metrics.tokens(usage);
        return new LlmReply(text, usage);
    }

    /** What the endpoint reported; local servers that report nothing are estimated with our own tokenizer. */
    private static TokenUsage usage(Result<String> result, OptimizerPrompt prompt, String text) {
        dev.langchain4j.model.output.TokenUsage reported = result.tokenUsage();
        if (reported == null || reported.inputTokenCount() == null) {
            return new TokenUsage(prompt.tokens(), TokenCounter.count(text), 1);
        }
        int output = reported.outputTokenCount() == null ? TokenCounter.count(text) : reported.outputTokenCount();
        return new TokenUsage(reported.inputTokenCount(), output, 1);
    }
}
