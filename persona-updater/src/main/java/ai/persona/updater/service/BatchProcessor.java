package ai.persona.updater.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.persona.events.PersonaPatchProposed;
import ai.persona.events.TokenUsage;
import ai.persona.model.PersonaPatch;
import ai.persona.updater.config.UpdaterConfig;
import ai.persona.updater.llm.LlmRejectedException;
import ai.persona.updater.llm.LlmUnavailableException;
import ai.persona.updater.messaging.PatchPublisher;
import ai.persona.updater.persistence.BatchEntity;
import ai.persona.updater.persistence.BatchStatus;
import io.quarkus.logging.Log;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/**
 * Runs one batch from READY or OPTIMIZED to its outcome. Imperative and blocking on purpose: it runs on the dispatcher's
 * own threads, never in the Kafka consumer, so a model call that takes a minute holds up neither offsets nor other
 * users. Each database step hops onto a Vert.x duplicated context (VertxContextSupport), where Hibernate Reactive must
 * run, and is awaited; the model call runs on this thread in between. A batch is claimed first, so it is worked on by
 * one worker at a time even when the sweeper and the consumer both dispatch it.
 */
@ApplicationScoped
public class BatchProcessor {

    private final BatchStore store;
    private final BatchQueries queries;
    private final PredecessorGate gate;
    private final PersonaOptimizer optimizer;
    private final PinLookup pins;
    private final PatchPublisher publisher;
    private final UpdaterMetrics metrics;
    private final ObjectMapper mapper;
    private final Duration publishTimeout;
    private final String model;

    public BatchProcessor(BatchStore store, BatchQueries queries, PredecessorGate gate, PersonaOptimizer optimizer,
            PinLookup pins, PatchPublisher publisher, UpdaterMetrics metrics, ObjectMapper mapper, UpdaterConfig config,
            @ConfigProperty(name = "quarkus.langchain4j.openai.chat-model.model-name", defaultValue = "unknown") String model) {
        this.store = store;
        this.queries = queries;
        this.gate = gate;
        this.optimizer = optimizer;
        this.pins = pins;
        this.publisher = publisher;
        this.metrics = metrics;
        this.mapper = mapper;
        this.publishTimeout = config.optimizer().publishTimeout();
        this.model = model;
    }

    /**
     * @return the user whose next batch may go now: this one is done (published, or finished without a patch), or was
     *         handed back to wait for its predecessor; empty when it is to be tried again or was not this worker's
     */
    // the AI service is request scoped; this thread has no request of its own
    @ActivateRequestContext
    public Optional<String> process(UUID batchId) {
        BatchEntity batch = await(() -> store.claim(batchId));
        if (batch == null) {
            return Optional.empty();
        }
        try {
            boolean done = batch.status == BatchStatus.READY
                    ? optimize(batch)
                    : publish(batch.id, batch.userId, batch.proposal);
            return done ? Optional.of(batch.userId) : Optional.empty();
        } catch (PredecessorPending e) {
            Log.debugf("%s; handed back", e.getMessage());
            await(() -> store.release(batch.id));
            // the predecessor may have finished while this one still held its claim, and then found nothing to
            // dispatch: looking once more after the release closes that gap (a due predecessor is dispatched instead)
            return Optional.of(batch.userId);
        } catch (LlmUnavailableException e) {
            Log.warnf("batch %s of %s deferred: %s", batchId, batch.userId, e.getMessage());
            defer(batch.id, BatchStatus.READY);
        } catch (RuntimeException e) {
            Log.errorf(e, "batch %s of %s failed; it will be tried again", batchId, batch.userId);
            defer(batch.id, batch.status);
        }
        return Optional.empty();
    }

    private boolean optimize(BatchEntity batch) {
        gate.awaitPredecessorApplied(batch);
        BatchInput input = await(() -> queries.input(batch)).withPins(pins.of(batch.userId));
        OptimizerOutcome outcome;
        try {
            outcome = optimizer.optimize(input);
        } catch (LlmRejectedException e) {
            outcome = new OptimizerOutcome.Parked(List.of(),
                    List.of(new Finding(Finding.LLM_REJECTED, "", e.getMessage())), TokenUsage.NONE);
        }
        if (outcome instanceof OptimizerOutcome.Proposed proposed) {
            PersonaPatch patch = new PersonaPatch(batch.id.toString(), batch.userId, input.baseVersion(),
                    input.sessionIds(), proposed.operations(), model, Instant.now(), input.firstSessionStartedAt());
            String payload = json(PersonaPatchProposed.of(patch, proposed.usage()));
            if (!await(() -> store.saveProposal(batch.id, input.baseVersion(), input.mode(), payload,
                    proposed.usage()))) {
                return false;
            }
            metrics.outcome(input.mode(), "changed");
            metrics.operationsProposed(proposed.operations());
            return publish(batch.id, batch.userId, payload);
        }
        if (outcome instanceof OptimizerOutcome.NoChange noChange) {
            await(() -> store.noChange(batch.id, input.baseVersion(), input.mode(), noChange.usage()));
            metrics.batch("no_change");
            metrics.outcome(input.mode(), "no_change");
            Log.infof("batch %s of %s: no change", batch.id, batch.userId);
        } else if (outcome instanceof OptimizerOutcome.Parked parked) {
            await(() -> store.park(batch.id, input.baseVersion(), input.mode(), parked.rawAnswers(),
                    parked.findings(), parked.usage()));
            metrics.batch("parked");
            metrics.outcome(input.mode(), "parked");
            Log.warnf("batch %s of %s parked: %s", batch.id, batch.userId, parked.findings());
        }
        return true;
    }

    /**
     * Marked published only once the broker acknowledged; until then the stored patch is republished as it is, sealed
     * afresh each time (the updater's own database keeps it open, and loses it with the user). Not at all when its user
     * was deleted since the batch was sealed: the batch is then gone, or older than the deletion, or the user's content
     * key is gone.
     */
    private boolean publish(UUID batchId, String userId, String payload) {
        if (!await(() -> store.publishable(batchId))) {
            metrics.batch("forgotten");
            Log.infof("patch %s not published: its user was deleted after its batch was made", batchId);
            return false;
        }
        PatchPublisher.Outcome outcome;
        try {
            outcome = publisher.publish(proposal(payload)).await().atMost(publishTimeout);
        } catch (RuntimeException e) {
            Log.warnf("patch %s of %s not acknowledged, will republish: %s", batchId, userId, e.getMessage());
            defer(batchId, BatchStatus.OPTIMIZED);
            return false;
        }
        if (outcome == PatchPublisher.Outcome.KEY_DESTROYED) {
            // as with a batch found forgotten above: the user's deletion, on its way here, removes the batch
            metrics.batch("key_destroyed");
            Log.infof("patch %s not published: its user's content key is gone (the user was deleted)", batchId);
            return false;
        }
        await(() -> store.published(batchId));
        metrics.batch("published");
        Log.infof("published patch %s for %s", batchId, userId);
        return true;
    }

    private void defer(UUID batchId, BatchStatus status) {
        metrics.batch("deferred");
        try {
            await(() -> store.retryLater(batchId, status));
        } catch (RuntimeException e) {
            // the claim's lease runs out by itself; the sweeper picks the batch up then
            Log.warnf("could not release batch %s: %s", batchId, e.getMessage());
        }
    }

    private PersonaPatchProposed proposal(String payload) {
        try {
            return mapper.readValue(payload, PersonaPatchProposed.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored proposal is not a PersonaPatchProposed", e);
        }
    }

    private String json(Object event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static <T> T await(Supplier<Uni<T>> step) {
        try {
            return VertxContextSupport.subscribeAndAwait(step);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
