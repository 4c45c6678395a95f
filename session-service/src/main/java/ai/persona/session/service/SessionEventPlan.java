package ai.persona.session.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ai.persona.events.ChatMessage;
import ai.persona.events.SessionEvent;

/**
 * What a batch of SessionEvents does to the sessions they name, worked out in memory, in record order, from the session
 * rows as locked in the batch's transaction; {@link SessionEventStore} reads those rows and writes the result in a few
 * multi-row statements. Nothing here fails: an event that cannot apply is skipped with an {@link EventOutcome}.
 */
final class SessionEventPlan {

    /** A session's row, changed in place as the events apply. */
    static final class SessionRow {
        final String id;
        final String userId;
        final Instant startedAt;
        final boolean isNew;
        Instant lastActivityAt;
        Instant endedAt;
        String endReason;
        int messageCount;
        boolean changed;

        SessionRow(String id, String userId, Instant startedAt, Instant lastActivityAt, Instant endedAt, String endReason,
                int messageCount, boolean isNew) {
            this.id = id;
            this.userId = userId;
            this.startedAt = startedAt;
            this.lastActivityAt = lastActivityAt;
            this.endedAt = endedAt;
            this.endReason = endReason;
            this.messageCount = messageCount;
            this.isNew = isNew;
        }
    }

    record MessageRow(String sessionId, int seq, ChatMessage message, Instant createdAt) {
    }

    /** An event id to remember; sessionId is null when the event named no session of its user. */
    record Recorded(String eventId, String sessionId) {
    }

    final List<MessageRow> messages = new ArrayList<>();
    final List<Recorded> recorded = new ArrayList<>();
    final List<EventOutcome> outcomes = new ArrayList<>();
    private final Map<String, SessionRow> sessions;
    private final Set<String> seen;
    private final Map<String, Instant> deletions;
    private final int maxMessages;
    private final Instant now;

    /** @param sessions the locked rows of the sessions the events name that exist, by id; new ones are added */
    private SessionEventPlan(Map<String, SessionRow> sessions, Set<String> alreadyRecorded, Map<String, Instant> deletions,
            int maxMessages, Instant now) {
        this.sessions = sessions;
        this.seen = new HashSet<>(alreadyRecorded);
        this.deletions = deletions;
        this.maxMessages = maxMessages;
        this.now = now;
    }

    /** @param deletions the latest deletion of each user of the events who was ever deleted, by user id */
    static SessionEventPlan of(List<SessionEvent> events, Set<String> alreadyRecorded, Map<String, SessionRow> sessions,
            Map<String, Instant> deletions, int maxMessages, Instant now) {
        SessionEventPlan plan = new SessionEventPlan(sessions, alreadyRecorded, deletions, maxMessages, now);
        events.forEach(plan::apply);
        return plan;
    }

    List<SessionRow> created() {
        return sessions.values().stream().filter(row -> row.isNew).toList();
    }

    List<SessionRow> updated() {
        return sessions.values().stream().filter(row -> !row.isNew && row.changed).toList();
    }

    private void apply(SessionEvent event) {
        // a redelivered event, or the same event twice in one batch
        if (!seen.add(event.eventId())) {
            outcome(event, EventOutcome.DUPLICATE, "already recorded");
            return;
        }
        Instant at = event.at() == null ? now : event.at().truncatedTo(ChronoUnit.MICROS);
        Instant deleted = deletions.get(event.userId());
        if (deleted != null && !at.isAfter(deleted)) {
            // said or ended before the user was deleted: materializing it would bring deleted data back
            remember(event, null, EventOutcome.BEFORE_DELETION, "stamped " + at + ", deleted at " + deleted);
            return;
        }
        SessionRow row = sessions.get(event.sessionId());
        if (row == null && event.kind() == SessionEvent.Kind.MESSAGES) {
            // an OpenAI client never creates a session explicitly: its first turn does
            row = new SessionRow(event.sessionId(), event.userId(), at, at, null, null, 0, true);
            sessions.put(row.id, row);
        }
        if (row == null) {
            // An end of a session with no message recorded: an empty conversation teaches the updater nothing, and
            // creating it could bring back a user deleted meanwhile. Remembered, so a redelivery decides the same.
            remember(event, null, EventOutcome.UNKNOWN_SESSION, "ended before any message was recorded");
        } else if (!row.userId.equals(event.userId())) {
            remember(event, null, EventOutcome.OTHER_USER, "session belongs to another user");
        } else if (row.endedAt != null) {
            remember(event, row.id, EventOutcome.AFTER_END, event.kind() + " after the session ended at " + row.endedAt);
        } else if (event.kind() == SessionEvent.Kind.ENDED) {
            row.endedAt = at;
            row.endReason = event.endReason() == null ? "explicit" : event.endReason();
            row.changed = true;
            remember(event, row.id, EventOutcome.RECORDED, "ended");
        } else {
            append(event, row, at);
        }
    }

    private void append(SessionEvent event, SessionRow row, Instant at) {
        List<ChatMessage> said = event.messages();
        if (event.sameFirstMessageAs() != null && seen.contains(event.sameFirstMessageAs()) && !said.isEmpty()) {
            // the other try of this idempotent turn was recorded, and with it the user's message this one repeats
            said = said.subList(1, said.size());
        }
        int first = event.firstIndex() == null ? row.messageCount : event.firstIndex();
        if (first > row.messageCount) {
            // Applied only where it extends what is stored: appended after it instead, the same messages resent later
            // from their true index would be stored twice. An OpenAI client resends its whole conversation, so a later
            // turn that starts at or before what is stored fills the gap.
            remember(event, row.id, EventOutcome.GAP, "firstIndex " + first + " but " + row.messageCount
                    + " recorded: not applied");
            return;
        }
        // an OpenAI client resends the whole conversation, and identical requests race: what is stored already is
        // skipped, so an event applies once however often it, or a request like it, arrives
        List<ChatMessage> missing = said.subList(Math.min(row.messageCount - first, said.size()), said.size());
        int room = Math.max(maxMessages - row.messageCount, 0);
        if (missing.size() > room) {
            outcome(event, EventOutcome.OVER_LIMIT, (missing.size() - room) + " messages past the limit of "
                    + maxMessages + " dropped");
            missing = missing.subList(0, room);
        }
        for (ChatMessage message : missing) {
            Instant created = message.at() == null ? at : message.at().truncatedTo(ChronoUnit.MICROS);
            messages.add(new MessageRow(row.id, row.messageCount++, message, created));
        }
        if (row.lastActivityAt == null || at.isAfter(row.lastActivityAt)) {
            row.lastActivityAt = at;
        }
        row.changed = true;
        remember(event, row.id, EventOutcome.RECORDED, missing.size() + " messages stored");
    }

    private void remember(SessionEvent event, String sessionId, String outcome, String detail) {
        recorded.add(new Recorded(event.eventId(), sessionId));
        outcome(event, outcome, detail);
    }

    private void outcome(SessionEvent event, String outcome, String detail) {
        outcomes.add(new EventOutcome(event.eventId(), event.sessionId(), outcome, detail));
    }
}
