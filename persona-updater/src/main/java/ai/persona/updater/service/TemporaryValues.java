package ai.persona.updater.service;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import ai.persona.events.ConversationCompleted;
import ai.persona.updater.llm.ProposedChange;

/**
 * The model's validity for a temporary value, as the time a patch operation's {@code until} carries. Counted from the
 * batch's latest conversation, not from the optimizer's run: "for about three days" was said then, and a batch may wait
 * days for its k-th session. Dates are read in UTC, the user's time zone being unknown: a value lasts to the end of its
 * last day in UTC.
 */
final class TemporaryValues {

    private TemporaryValues() {
    }

    /** Null for a lasting value. */
    static Instant until(ProposedChange change, List<ConversationCompleted> sessions) {
        if (change.until() != null) {
            return change.until().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        if (change.days() != null) {
            return said(sessions).plus(change.days(), ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        }
        return null;
    }

    private static Instant said(List<ConversationCompleted> sessions) {
        return sessions.stream()
                .map(session -> session.endedAt() != null ? session.endedAt() : session.startedAt())
                .filter(Objects::nonNull)
                .max(Comparator.naturalOrder())
                .orElseGet(Instant::now);
    }
}
