package ai.persona.updater.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ai.persona.events.ConversationCompleted;
import ai.persona.updater.persistence.ForgottenUser;
import ai.persona.updater.persistence.SessionRow;
import ai.persona.updater.persistence.UserSettings;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Buffers a completed session, once per session id, and seals the user's batch when it is full. */
@ApplicationScoped
public class SessionIntake {

    public enum Result {
        BUFFERED,
        DUPLICATE,
        LEARNING_OFF,
        FORGOTTEN
    }

    /** What became of the session, and the batches sealed by it (to be optimized once this transaction committed). */
    public record Intake(Result result, List<UUID> sealed) {
    }

    private final BatchSealer sealer;
    private final UserSettingsService settings;

    public SessionIntake(BatchSealer sealer, UserSettingsService settings) {
        this.sealer = sealer;
        this.settings = settings;
    }

    @WithTransaction
    public Uni<Intake> accept(ConversationCompleted event, String payload) {
        return ForgottenUser.findFor(event.userId())
                .chain(forgotten -> {
                    // a session that ended before its user was deleted is part of what was deleted
                    if (forgotten != null && !event.endedAt().isAfter(forgotten.forgottenAt)) {
                        return skip(Result.FORGOTTEN);
                    }
                    return UserSettings.<UserSettings> findById(event.userId())
                            .chain(userSettings -> userSettings != null && !userSettings.learningEnabled
                                    ? skip(Result.LEARNING_OFF)
                                    : buffer(event, payload, settings.batchSize(userSettings)));
                });
    }

    private Uni<Intake> buffer(ConversationCompleted event, String payload, int k) {
        return SessionRow.<SessionRow> findById(event.sessionId())
                .chain(seen -> {
                    if (seen != null) {
                        return skip(Result.DUPLICATE);
                    }
                    SessionRow row = new SessionRow();
                    row.sessionId = event.sessionId();
                    row.userId = event.userId();
                    row.endedAt = event.endedAt();
                    row.receivedAt = Instant.now();
                    row.payload = payload;
                    return row.<SessionRow> persistAndFlush()
                            .chain(() -> sealer.sealFull(event.userId(), k))
                            .map(sealed -> new Intake(Result.BUFFERED, sealed));
                });
    }

    private static Uni<Intake> skip(Result result) {
        return Uni.createFrom().item(new Intake(result, List.of()));
    }
}
