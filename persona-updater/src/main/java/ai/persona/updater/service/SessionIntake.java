package ai.persona.updater.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ai.persona.events.ConversationCompleted;
import ai.persona.updater.persistence.SessionEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Buffers a consumed batch of completed sessions in one transaction, once per session id, and seals each user's batch
 * of k as it fills. The outcome is the one a session at a time would give: the same sessions buffered, the same
 * duplicates, forgotten users and opted-out users recognised.
 */
@ApplicationScoped
public class SessionIntake {

    public enum Result {
        BUFFERED,
        DUPLICATE,
        LEARNING_OFF,
        FORGOTTEN
    }

    /** A consumed session and its JSON as received (kept until its batch is done). */
    public record Received(ConversationCompleted event, String payload) {
    }

    /** What became of each session, in the order received, and the batches sealed (to optimize once committed). */
    public record Intake(List<Result> results, List<UUID> sealed) {
    }

    private final BatchSealer sealer;
    private final UserSettingsService settings;

    public SessionIntake(BatchSealer sealer, UserSettingsService settings) {
        this.sealer = sealer;
        this.settings = settings;
    }

    @WithTransaction
    public Uni<Intake> accept(List<Received> received) {
        List<String> userIds = received.stream().map(r -> r.event().userId()).distinct().toList();
        List<String> sessionIds = received.stream().map(r -> r.event().sessionId()).distinct().toList();
        return IntakeLookup.load(userIds, sessionIds)
                .chain(lookup -> buffer(received, lookup));
    }

    private Uni<Intake> buffer(List<Received> received, IntakeLookup lookup) {
        List<Result> results = new ArrayList<>();
        List<SessionEntity> rows = new ArrayList<>();
        Map<String, Integer> kOfUser = new LinkedHashMap<>();
        Instant now = Instant.now();
        for (Received session : received) {
            Result result = lookup.judge(session.event());
            results.add(result);
            if (result == Result.BUFFERED) {
                rows.add(row(session, now));
                kOfUser.put(session.event().userId(), settings.batchSize(lookup.settings(session.event().userId())));
            }
        }
        if (rows.isEmpty()) {
            return Uni.createFrom().item(new Intake(results, List.of()));
        }
        // inserted together at the flush (statement batching), before the sealer reads the buffers back
        return SessionEntity.persist(rows)
                .chain(Panache::flush)
                .chain(() -> sealer.sealFull(kOfUser))
                .map(sealed -> new Intake(results, sealed));
    }

    private static SessionEntity row(Received session, Instant receivedAt) {
        SessionEntity row = new SessionEntity();
        row.sessionId = session.event().sessionId();
        row.userId = session.event().userId();
        row.endedAt = session.event().endedAt();
        row.receivedAt = receivedAt;
        row.payload = session.payload();
        return row;
    }
}
