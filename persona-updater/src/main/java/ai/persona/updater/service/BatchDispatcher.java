package ai.persona.updater.service;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import ai.persona.updater.config.UpdaterConfig;
import io.quarkus.logging.Log;

/**
 * Hands batches to a small pool of optimizer threads of their own: the number of model calls in flight is bounded by
 * configuration, and neither the event loop nor Quarkus's shared worker pool (REST, scheduler) waits on the model.
 */
@ApplicationScoped
public class BatchDispatcher {

    private final BatchProcessor processor;
    private final BatchQueries queries;
    private final ExecutorService workers;
    // a batch already queued here is not queued again by the next sweep
    private final Set<UUID> queued = ConcurrentHashMap.newKeySet();

    public BatchDispatcher(BatchProcessor processor, BatchQueries queries, UpdaterConfig config) {
        this.processor = processor;
        this.queries = queries;
        AtomicInteger count = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(config.optimizer().concurrency(), task -> {
            Thread thread = new Thread(task, "persona-optimizer-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    public void dispatch(UUID batchId) {
        if (!queued.add(batchId)) {
            return;
        }
        try {
            workers.execute(() -> {
                Optional<String> done = Optional.empty();
                try {
                    done = processor.process(batchId);
                } catch (RuntimeException e) {
                    Log.errorf(e, "batch %s could not be processed; the sweeper will pick it up again", batchId);
                } finally {
                    queued.remove(batchId);
                }
                done.ifPresent(this::dispatchNextOf);
            });
        } catch (RejectedExecutionException shuttingDown) {
            queued.remove(batchId);
        }
    }

    /** A user's batch is done: their next one, handed back while it waited for this one, goes now. */
    private void dispatchNextOf(String userId) {
        try {
            UUID next = BatchProcessor.await(() -> queries.nextDueOf(userId));
            if (next != null) {
                dispatch(next);
            }
        } catch (RuntimeException e) {
            Log.warnf("next batch of %s not found (%s); the sweeper will find it", userId, e.getMessage());
        }
    }

    public int queued() {
        return queued.size();
    }

    @PreDestroy
    void stop() throws InterruptedException {
        // a batch interrupted here keeps its claim until the lease runs out, then any instance resumes it
        workers.shutdownNow();
        workers.awaitTermination(5, TimeUnit.SECONDS);
    }
}
