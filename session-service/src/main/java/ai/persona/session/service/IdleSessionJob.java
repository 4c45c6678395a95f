package ai.persona.session.service;

import jakarta.enterprise.context.ApplicationScoped;

import ai.persona.session.config.SessionServiceConfig;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Ends sessions nobody wrote in for {@code session-service.idle-timeout} (reason "idle"); the completion relay then
 * publishes them. Every instance runs it: the rows are locked, so two never end one session twice. It also forgets
 * materialized SessionEvent ids once no redelivery of them is possible.
 */
@ApplicationScoped
public class IdleSessionJob {

    private final SessionService sessions;
    private final Pool pool;
    private final SessionServiceConfig config;

    public IdleSessionJob(SessionService sessions, Pool pool, SessionServiceConfig config) {
        this.sessions = sessions;
        this.pool = pool;
        this.config = config;
    }

    @Scheduled(every = "${session-service.idle-check-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> run() {
        return endIdle()
                .chain(this::forgetOldEventIds);
    }

    /** Ends the sessions idle for longer than the timeout, at most a batch of them; returns how many. */
    public Uni<Integer> endIdle() {
        return sessions.endIdleQuietly(config.idleTimeout(), config.idleBatchSize())
                .invoke(ended -> {
                    if (ended > 0) {
                        Log.infof("ended %d sessions idle for more than %s", ended, config.idleTimeout());
                    }
                });
    }

    private Uni<Void> forgetOldEventIds() {
        return pool.preparedQuery("delete from recorded_session_events where recorded_at < $1")
                .execute(Tuple.of(SqlValues.utc(Clocks.now().minus(config.recordedEventRetention()))))
                .replaceWithVoid();
    }
}
