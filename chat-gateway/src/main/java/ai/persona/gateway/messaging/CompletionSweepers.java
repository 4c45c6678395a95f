package ai.persona.gateway.messaging;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import ai.persona.gateway.client.SessionRecord;
import ai.persona.gateway.client.SessionServiceClient;
import ai.persona.gateway.config.GatewayConfig;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Completion without loss: one sweep ends sessions idle for longer than the idle timeout and publishes them; the other
 * republishes sessions completed but never recorded as published (the broker was down, or a gateway stopped between
 * ending and publishing). Both ask session-service, so any gateway instance may do the work of another.
 */
@ApplicationScoped
public class CompletionSweepers {

    private final SessionServiceClient sessions;
    private final CompletionPublisher publisher;
    private final GatewayConfig.Sessions config;

    public CompletionSweepers(@RestClient SessionServiceClient sessions, CompletionPublisher publisher,
            GatewayConfig config) {
        this.sessions = sessions;
        this.publisher = publisher;
        this.config = config.sessions();
    }

    @Scheduled(every = "${gateway.sessions.idle-sweep-every:60s}", delayed = "${gateway.sessions.idle-sweep-every:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> endIdleSessions() {
        return sessions.endIdle(config.idleTimeout().toString(), config.sweepBatch())
                .chain(this::publishAll)
                .onFailure().invoke(e -> Log.warnf("idle sweep failed: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }

    @Scheduled(every = "${gateway.sessions.republish-every:30s}", delayed = "${gateway.sessions.republish-every:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> republishUnpublished() {
        // a session ended moments ago is most likely still being published by whoever ended it
        Instant settled = Instant.now().minus(config.republishAfter());
        return sessions.unpublished(config.sweepBatch())
                .map(completed -> completed.stream().filter(s -> s.endedAt().isBefore(settled)).toList())
                .chain(this::publishAll)
                .onFailure().invoke(e -> Log.warnf("republish sweep failed: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }

    private Uni<Void> publishAll(List<SessionRecord> completed) {
        return Multi.createFrom().iterable(completed)
                .onItem().transformToUniAndMerge(session -> publisher.publish(session)
                        .onFailure().invoke(e -> Log.warnf("session %s not published (%s); will retry", session.id(),
                                e.getMessage()))
                        .onFailure().recoverWithItem(false))
                .collect().asList()
                .invoke(results -> logPublished(results, completed.size()))
                .replaceWithVoid();
    }

    private static void logPublished(List<Boolean> results, int swept) {
        long published = results.stream().filter(Boolean::booleanValue).count();
        if (published > 0) {
            Log.infof("published %d of %d swept completed sessions", published, swept);
        }
    }
}
