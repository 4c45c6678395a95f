package ai.persona.updater.service;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import ai.persona.events.ConversationCompleted;
import ai.persona.updater.persistence.ForgottenUser;
import ai.persona.updater.persistence.SessionEntity;
import ai.persona.updater.persistence.UserSettings;
import ai.persona.updater.service.SessionIntake.Result;
import io.smallrye.mutiny.Uni;

/**
 * What the database already holds about the users and sessions of one consumed batch, read with one query per table
 * instead of three per session; then each session is judged against it in memory, in the order received.
 */
final class IntakeLookup {

    private final Map<String, Instant> forgottenAt;
    private final Map<String, UserSettings> settings;
    private final Set<String> seen;

    private IntakeLookup(List<ForgottenUser> forgotten, List<UserSettings> settings, List<String> seen) {
        this.forgottenAt = forgotten.stream().collect(Collectors.toMap(f -> f.userHash, f -> f.forgottenAt));
        this.settings = settings.stream().collect(Collectors.toMap(s -> s.userId, Function.identity()));
        this.seen = new HashSet<>(seen);
    }

    /** Runs inside the caller's transaction. */
    static Uni<IntakeLookup> load(Collection<String> userIds, Collection<String> sessionIds) {
        return ForgottenUser.findFor(userIds)
                .chain(forgotten -> UserSettings.of(userIds)
                        .chain(settings -> SessionEntity.seen(sessionIds)
                                .map(seen -> new IntakeLookup(forgotten, settings, seen))));
    }

    /**
     * What becomes of the session, judged in the order a session at a time would be. One to be buffered counts as seen
     * from here on, so a second delivery of it in the same batch is a duplicate.
     */
    Result judge(ConversationCompleted event) {
        Instant forgotten = forgottenAt.get(ForgottenUser.hash(event.userId()));
        // a session that ended before its user was deleted is part of what was deleted
        if (forgotten != null && !event.endedAt().isAfter(forgotten)) {
            return Result.FORGOTTEN;
        }
        UserSettings userSettings = settings.get(event.userId());
        if (userSettings != null && !userSettings.learningEnabled) {
            return Result.LEARNING_OFF;
        }
        return seen.add(event.sessionId()) ? Result.BUFFERED : Result.DUPLICATE;
    }

    /** The user's settings row, or null when they have none (learning on, the default k). */
    UserSettings settings(String userId) {
        return settings.get(userId);
    }
}
