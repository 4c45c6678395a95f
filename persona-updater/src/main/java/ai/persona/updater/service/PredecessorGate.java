package ai.persona.updater.service;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import ai.persona.updater.config.UpdaterConfig;
import ai.persona.updater.persistence.BatchRow;
import io.quarkus.logging.Log;

/**
 * A user's batches build on each other: the next one is optimized against the persona that the previous one's patch
 * made. That patch travels through Kafka to session-service, so for a user who completes sessions quickly the next
 * batch can be ready before it is applied; optimized against the version before, its patch would touch the fields the
 * previous one just changed, and session-service would reject it as stale, losing what the batch learned. So the next
 * batch waits, bounded, until the current persona (read from session-service, else the snapshot) is past the previous
 * patch's base version. Measured by the benchmark's upkeep phase: without this, 1 of 20 quick users lost a batch.
 */
@ApplicationScoped
public class PredecessorGate {

    private static final Duration POLL = Duration.ofMillis(200);

    private final BatchQueries queries;
    private final SnapshotRefresher refresher;
    private final Duration wait;

    public PredecessorGate(BatchQueries queries, SnapshotRefresher refresher, UpdaterConfig config) {
        this.queries = queries;
        this.refresher = refresher;
        this.wait = config.optimizer().predecessorWait();
    }

    /** Blocking: on the optimizer's worker thread. Leaves the user's snapshot as current as it can be. */
    public void awaitPredecessorApplied(BatchRow batch) {
        BatchRow previous = BatchProcessor.await(() -> queries.lastPublishedBefore(batch));
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            refresher.refresh(batch.userId);
            if (previous == null || previous.baseVersion == null
                    || BatchProcessor.await(() -> queries.snapshotVersion(batch.userId)) > previous.baseVersion) {
                return;
            }
            if (System.nanoTime() >= deadline) {
                Log.warnf("batch %s of %s optimized without its predecessor %s applied after %s", batch.id,
                        batch.userId, previous.id, wait);
                return;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
