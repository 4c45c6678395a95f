package ai.persona.session.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import ai.persona.input.LogText;
import ai.persona.session.config.SessionServiceConfig;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Removes temporary persona values once their validity ended (docs/persona-over-time.md). Every instance runs it; the
 * persona row lock makes a second instance find nothing left to do.
 */
@ApplicationScoped
public class ExpiryJob {

    private final ExpiryService expiries;
    private final SessionServiceConfig config;

    public ExpiryJob(ExpiryService expiries, SessionServiceConfig config) {
        this.expiries = expiries;
        this.config = config;
    }

    @Scheduled(every = "${session-service.expiry-check-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> run() {
        return expireDue().replaceWithVoid();
    }

    /** One round: the users with due values, one transaction each; returns how many versions it made. */
    public Uni<Integer> expireDue() {
        Instant now = Clocks.now();
        return expiries.usersDue(now, config.expiryBatchSize())
                .onItem().transformToMulti(users -> Multi.createFrom().iterable(users))
                .onItem().transformToUniAndConcatenate(userId -> expiries.expire(userId, now)
                        .onFailure().recoverWithItem(failure -> {
                            // one user's failure (a lock timeout, a broken row) must not hold up the others
                            Log.warnf(failure, "could not expire temporary values of %s", LogText.escape(userId));
                            return false;
                        }))
                .collect().asList()
                .map(made -> (int) made.stream().filter(Boolean::booleanValue).count())
                .invoke(made -> {
                    if (made > 0) {
                        Log.infof("removed expired temporary values: %d new versions", made);
                    }
                });
    }
}
