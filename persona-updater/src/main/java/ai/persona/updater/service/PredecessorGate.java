package ai.persona.updater.service;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import ai.persona.updater.config.UpdaterConfig;
import ai.persona.updater.persistence.BatchEntity;
import ai.persona.updater.persistence.BatchStatus;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * A user's batches build on each other: the next one is optimized against the persona that the previous one's patch
 * made. That patch travels through Kafka to session-service, so for a user who completes sessions quickly the next
 * batch can be ready before it is applied; optimized against the version before, its patch would touch the fields the
 * previous one just changed, and session-service would reject it as stale, losing what the batch learned. So:
 * <ul>
 * <li>while the previous batch is unfinished (in the optimizer, or deferred after a failure), the next one does not
 * wait on a worker: it is handed back ({@link PredecessorPending}) and dispatched again when the previous one is done.
 * Waiting on the worker let batches behind a deferred one hold every worker, so that the deferred one, once due,
 * found none free and its successors went ahead against the old persona (the benchmark's P2 lost versions so);</li>
 * <li>once the previous batch is published, the next one waits, bounded, until the persona (read from
 * session-service, else the snapshot) is past the version the previous patch was made against.</li>
 * </ul>
 * The wait is for the PersonaChanged that brings the new version ({@link PersonaVersionSignals}), not a polling loop:
 * the batch goes on the moment its snapshot is stored.
 */
@ApplicationScoped
public class PredecessorGate {

    private final BatchQueries queries;
    private final SnapshotRefresher refresher;
    private final PersonaVersionSignals signals;
    private final Duration wait;

    public PredecessorGate(BatchQueries queries, SnapshotRefresher refresher, PersonaVersionSignals signals,
            UpdaterConfig config) {
        this.queries = queries;
        this.refresher = refresher;
        this.signals = signals;
        this.wait = config.optimizer().predecessorWait();
    }

    /**
     * Blocking: on the optimizer's worker thread. Leaves the user's snapshot as current as it can be.
     *
     * @throws PredecessorPending when the previous batch is unfinished
     */
    public void awaitPredecessorApplied(BatchEntity batch) {
        BatchEntity previous = BatchProcessor.await(() -> queries.lastLiveBefore(batch));
        if (previous == null) {
            refresher.refresh(batch.userId);
            return;
        }
        if (previous.status != BatchStatus.PUBLISHED) {
            throw new PredecessorPending(batch.id, previous.id);
        }
        // a published batch always has the version its patch was made against
        long base = previous.baseVersion;
        // registered before the first look, so a version stored between that look and the wait still wakes it
        CompletableFuture<Long> applied = signals.past(batch.userId, base);
        try {
            // the last look finds a version stored meanwhile by another instance, which signals only its own waiters
            if (isPast(batch.userId, base) || arrives(applied) || isPast(batch.userId, base)) {
                return;
            }
            Log.warnf("batch %s of %s optimized without its predecessor %s applied after %s", batch.id, batch.userId,
                    previous.id, wait);
        } finally {
            applied.cancel(false);
        }
    }

    private boolean isPast(String userId, long base) {
        refresher.refresh(userId);
        return BatchProcessor.await(() -> queries.snapshotVersion(userId)) > base;
    }

    private boolean arrives(CompletableFuture<Long> applied) {
        return Uni.createFrom().completionStage(applied)
                .onItem().transform(version -> true)
                .ifNoItem().after(wait).recoverWithItem(false)
                .await().indefinitely();
    }
}
