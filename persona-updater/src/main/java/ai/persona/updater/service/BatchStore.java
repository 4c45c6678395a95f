package ai.persona.updater.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.persona.events.TokenUsage;
import ai.persona.updater.config.UpdaterConfig;
import ai.persona.updater.llm.OptimizerMode;
import ai.persona.updater.persistence.BatchEntity;
import ai.persona.updater.persistence.BatchStatus;
import ai.persona.updater.persistence.ForgottenUser;
import ai.persona.updater.persistence.SessionEntity;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** The batch state transitions: each its own transaction, each only from the state it expects. */
@ApplicationScoped
public class BatchStore {

    private final ObjectMapper mapper;
    private final UpdaterConfig.Optimizer config;

    public BatchStore(ObjectMapper mapper, UpdaterConfig config) {
        this.mapper = mapper;
        this.config = config.optimizer();
    }

    /** The claimed batch, or null when another worker holds it or it is finished (or gone). */
    @WithTransaction
    public Uni<BatchEntity> claim(UUID id) {
        Instant now = Instant.now();
        return BatchEntity.claim(id, now, now.plus(config.lease()))
                .chain(claimed -> claimed ? BatchEntity.<BatchEntity> findById(id) : Uni.createFrom().nullItem());
    }

    /** Stores the validated patch before its first publication: a crash after this republishes the same patch. */
    @WithTransaction
    public Uni<Boolean> saveProposal(UUID id, long baseVersion, OptimizerMode mode, String proposal,
            TokenUsage usage) {
        return change(id, BatchStatus.READY, batch -> {
            batch.status = BatchStatus.OPTIMIZED;
            batch.baseVersion = baseVersion;
            batch.optimizerMode = mode;
            batch.proposal = proposal;
            count(batch, usage);
        });
    }

    /** Whether the batch is still there, proposed, and was sealed after its user's latest deletion, if any. */
    @WithTransaction
    public Uni<Boolean> publishable(UUID id) {
        return BatchEntity.<BatchEntity> findById(id)
                .chain(batch -> batch == null || batch.status != BatchStatus.OPTIMIZED ? Uni.createFrom().item(false)
                        : ForgottenUser.findFor(batch.userId)
                                .map(forgotten -> forgotten == null || forgotten.forgottenAt.isBefore(batch.createdAt)));
    }

    @WithTransaction
    public Uni<Boolean> published(UUID id) {
        return change(id, BatchStatus.OPTIMIZED, batch -> {
            batch.status = BatchStatus.PUBLISHED;
            batch.publishedAt = Instant.now();
            batch.claimedUntil = null;
        }).call(done -> SessionEntity.dropPayloads(id));
    }

    @WithTransaction
    public Uni<Boolean> noChange(UUID id, long baseVersion, OptimizerMode mode, TokenUsage usage) {
        return change(id, BatchStatus.READY, batch -> {
            batch.status = BatchStatus.NO_CHANGE;
            batch.baseVersion = baseVersion;
            batch.optimizerMode = mode;
            batch.claimedUntil = null;
            count(batch, usage);
        }).call(done -> SessionEntity.dropPayloads(id));
    }

    @WithTransaction
    public Uni<Boolean> park(UUID id, long baseVersion, OptimizerMode mode, List<String> rawAnswers,
            List<Finding> findings, TokenUsage usage) {
        return change(id, BatchStatus.READY, batch -> {
            batch.status = BatchStatus.PARKED;
            batch.baseVersion = baseVersion;
            batch.optimizerMode = mode;
            batch.rawOutput = write(rawAnswers);
            batch.problems = write(findings);
            batch.claimedUntil = null;
            count(batch, usage);
        });
    }

    /**
     * Hands the batch back untried: its predecessor is unfinished, and the predecessor's worker dispatches it once that
     * one is done. Not an attempt, so it does not count towards the backoff.
     */
    @WithTransaction
    public Uni<Boolean> release(UUID id) {
        return change(id, BatchStatus.READY, batch -> {
            batch.attempts = Math.max(batch.attempts - 1, 0);
            batch.claimedUntil = null;
        });
    }

    /** Releases the batch for a later attempt, waiting longer after each failed one. */
    @WithTransaction
    public Uni<Boolean> retryLater(UUID id, BatchStatus expected) {
        return change(id, expected, batch -> {
            long factor = 1L << Math.min(batch.attempts - 1, 16);
            Duration wait = config.retryBackoff().multipliedBy(Math.max(factor, 1));
            batch.nextAttemptAt = Instant.now().plus(wait.compareTo(config.maxRetryBackoff()) > 0
                    ? config.maxRetryBackoff() : wait);
            batch.claimedUntil = null;
        });
    }

    /** Puts a parked batch back in line, against the persona as it is now. */
    @WithTransaction
    public Uni<Boolean> rerun(UUID id) {
        return change(id, BatchStatus.PARKED, batch -> {
            batch.status = BatchStatus.READY;
            batch.attempts = 0;
            batch.nextAttemptAt = Instant.now();
            batch.problems = null;
        });
    }

    private static Uni<Boolean> change(UUID id, BatchStatus expected, Consumer<BatchEntity> change) {
        return BatchEntity.<BatchEntity> findById(id)
                .map(batch -> {
                    if (batch == null || batch.status != expected) {
                        return false;
                    }
                    change.accept(batch);
                    batch.updatedAt = Instant.now();
                    return true;
                });
    }

    private static void count(BatchEntity batch, TokenUsage usage) {
        batch.inputTokens += usage.inputTokens();
        batch.outputTokens += usage.outputTokens();
        batch.llmCalls += usage.calls();
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
