package ai.persona.updater.service;

import java.util.List;

import ai.persona.events.TokenUsage;
import ai.persona.model.PatchOperation;

/** What the optimizer made of a batch. */
public sealed interface OptimizerOutcome {

    TokenUsage usage();

    /** A validated change set to publish. */
    record Proposed(List<PatchOperation> operations, TokenUsage usage) implements OptimizerOutcome {
    }

    /** The sessions justify no change. */
    record NoChange(TokenUsage usage) implements OptimizerOutcome {
    }

    /** The answer stayed unusable after the repair attempt; kept for a person to inspect and re-run. */
    record Parked(List<String> rawAnswers, List<Finding> findings, TokenUsage usage) implements OptimizerOutcome {
    }
}
