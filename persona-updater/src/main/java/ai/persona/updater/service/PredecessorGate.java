package ai.persona.updater.service;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import ai.persona.updater.config.UpdaterConfig;
import ai.persona.updater.persistence.BatchRow;
import ai.persona.updater.persistence.BatchStatus;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * A user's batches build on each other: the next one is optimized against the persona that the previous one's patch
 * made. That patch travels through Kafka to session-service, so for a user who completes sessions quickly the next
 * batch can be ready before it is applied; optimized against the version before, its patch would touch the fields the
 * previous one just changed, and session-service would reject it as stale, losing what the batch learned. So the next
 * batch waits, bounded, until the current persona (read from session-service, else the snapshot) is past the previous
 * patch's base version. Measured by the benchmark's upkeep phase: without this, 1 of 20 quick users lost a batch. The
 * previous batch may also still be in the optimizer (sealed in the same intake); then the wait is for the persona to
 * move past the version it has now, which the previous patch brings.
 * <p>
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

    /** Blocking: on the optimizer's worker thread. Leaves the user's snapshot as current as it can be. */
    public void awaitPredecessorApplied(BatchRow batch) {
        BatchRow previous = BatchProcessor.await(() -> queries.lastLiveBefore(batch));
        if (previous == null) {
            refresher.refresh(batch.userId);
            return;
        }
        // published: its patch is applied once the persona is past the version it was made against. Still being
        // optimized (a quick user's batches are often sealed together): once past the version the persona has now
        long base;
        if (previous.status == BatchStatus.PUBLISHED && previous.baseVersion != null) {
            base = previous.baseVersion;
        } else {
            refresher.refresh(batch.userId);
            base = BatchProcessor.await(() -> queries.snapshotVersion(batch.userId));
        }
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
