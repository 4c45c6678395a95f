package ai.persona.updater.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ai.persona.updater.config.UpdaterConfig;
import ai.persona.updater.persistence.BatchTrigger;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The safety net behind the event-driven path: flushes partial batches past their maximum wait, and hands every due
 * batch to the dispatcher — those left READY or OPTIMIZED by a crash or restart, and those deferred after a failure.
 * It runs at start-up too, which is what republishes a stored but unpublished patch after a restart.
 */
@ApplicationScoped
public class BatchSweeper {

    private static final int DUE_PER_SWEEP = 100;

    private final UpdaterConfig.Batch config;
    private final UserSettingsService settings;
    private final BatchQueries queries;
    private final BatchDispatcher dispatcher;

    public BatchSweeper(UpdaterConfig config, UserSettingsService settings, BatchQueries queries,
            BatchDispatcher dispatcher) {
        this.config = config.batch();
        this.settings = settings;
        this.queries = queries;
        this.dispatcher = dispatcher;
    }

    @Scheduled(every = "${persona-updater.sweep-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public Uni<Void> sweep() {
        return flushExpired()
                .chain(() -> queries.due(DUE_PER_SWEEP))
                .invoke(due -> due.forEach(dispatcher::dispatch))
                .onFailure().invoke(e -> Log.warnf("sweep failed, next one retries: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private Uni<Void> flushExpired() {
        if (!config.maxWaitEnabled()) {
            return Uni.createFrom().voidItem();
        }
        return queries.usersWaitingSince(Instant.now().minus(config.maxWait()))
                .onItem().transformToMulti(users -> Multi.createFrom().iterable(users))
                .onItem().transformToUniAndConcatenate(user -> settings.flush(user, BatchTrigger.MAX_WAIT)
                        .onFailure().recoverWithItem(List.<UUID> of()))
                .invoke(sealed -> sealed.forEach(dispatcher::dispatch))
                .collect().last()
                .replaceWithVoid();
    }
}
