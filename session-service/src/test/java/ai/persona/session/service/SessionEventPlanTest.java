package ai.persona.session.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ai.persona.events.ChatMessage;
import ai.persona.events.MessageRole;
import ai.persona.events.SessionEvent;
import ai.persona.session.service.SessionEventPlan.MessageRow;
import ai.persona.session.service.SessionEventPlan.SessionRow;

/** The rules of materializing, without a database: which messages get which seq, and what is skipped. */
class SessionEventPlanTest {

    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

    private static SessionEvent said(String id, Integer firstIndex, String... contents) {
        List<ChatMessage> messages = new ArrayList<>();
        for (String content : contents) {
            messages.add(ChatMessage.of(MessageRole.USER, content, null));
        }
        return SessionEvent.messages(id, "u", "s", AT, firstIndex, messages);
    }

    private static Map<String, SessionRow> existing(int messageCount, Instant endedAt) {
        Map<String, SessionRow> rows = new HashMap<>();
        rows.put("s", new SessionRow("s", "u", AT, AT, endedAt, endedAt == null ? null : "explicit", messageCount, false));
        return rows;
    }

    private static List<String> stored(SessionEventPlan plan) {
        return plan.messages.stream().map(m -> m.seq() + ":" + m.message().content()).toList();
    }

    @Test
    void anEventPastWhatIsStoredIsNotAppliedSoItsMessagesCannotBeStoredTwice() {
        SessionEventPlan plan = SessionEventPlan.of(List.of(said("e1", 5, "x", "y"), said("e2", 2, "c", "d", "x", "y")),
                Set.of(), existing(2, null), Map.of(), 500, AT);

        assertThat(stored(plan)).containsExactly("2:c", "3:d", "4:x", "5:y");
        assertThat(plan.outcomes).extracting(EventOutcome::outcome).containsExactly(EventOutcome.GAP, EventOutcome.RECORDED);
        assertThat(plan.recorded).extracting(SessionEventPlan.Recorded::eventId).containsExactly("e1", "e2");
    }

    @Test
    void twentyIdenticalEventsFromIndexZeroStoreTheirMessagesOnce() {
        List<SessionEvent> identical = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            identical.add(said("e" + i, 0, "hello", "reply " + i));
        }
        SessionEventPlan plan = SessionEventPlan.of(identical, Set.of(), existing(0, null), Map.of(), 500, AT);

        assertThat(stored(plan)).containsExactly("0:hello", "1:reply 0");
    }

    @Test
    void anOverlapKeepsOnlyTheMessagesNotRecorded() {
        SessionEventPlan plan = SessionEventPlan.of(List.of(said("e1", 1, "b", "c", "d")), Set.of(), existing(2, null), Map.of(),
                500, AT);

        assertThat(stored(plan)).containsExactly("2:c", "3:d");
    }

    @Test
    void aRetriedIdempotentTurnStoresTheUserMessageItsFailedTryKeptOnce() {
        SessionEvent kept = said("it-1-kept", null, "hello").withSameFirstMessageAs("it-1");
        SessionEvent turn = said("it-1", null, "hello", "reply").withSameFirstMessageAs("it-1-kept");

        // the kept message in an earlier batch, then the turn; and both in one batch
        SessionEventPlan later = SessionEventPlan.of(List.of(turn), Set.of("it-1-kept"), existing(3, null), Map.of(),
                500, AT);
        SessionEventPlan together = SessionEventPlan.of(List.of(kept, turn), Set.of(), existing(2, null), Map.of(),
                500, AT);

        assertThat(stored(later)).containsExactly("3:reply");
        assertThat(stored(together)).containsExactly("2:hello", "3:reply");
    }

    @Test
    void aKeptMessageAfterItsTurnWasRecordedIsNotStoredAgain() {
        SessionEvent kept = said("it-1-kept", null, "hello").withSameFirstMessageAs("it-1");

        SessionEventPlan plan = SessionEventPlan.of(List.of(kept), Set.of("it-1"), existing(4, null), Map.of(), 500, AT);

        assertThat(stored(plan)).isEmpty();
        assertThat(plan.outcomes).extracting(EventOutcome::outcome).containsExactly(EventOutcome.RECORDED);
    }

    @Test
    void anotherTurnsEventIsStoredWholeWhateverItNames() {
        SessionEvent turn = said("it-2", null, "hello", "reply").withSameFirstMessageAs("it-2-kept");

        SessionEventPlan plan = SessionEventPlan.of(List.of(turn), Set.of("it-1-kept"), existing(3, null), Map.of(),
                500, AT);

        assertThat(stored(plan)).containsExactly("3:hello", "4:reply");
    }

    @Test
    void messagesPastTheLimitAreDroppedAndTheRestKept() {
        SessionEventPlan plan = SessionEventPlan.of(List.of(said("e1", null, "a", "b", "c")), Set.of(), existing(3, null), Map.of(),
                5, AT);

        assertThat(stored(plan)).containsExactly("3:a", "4:b");
        assertThat(plan.outcomes).extracting(EventOutcome::outcome)
                .containsExactly(EventOutcome.OVER_LIMIT, EventOutcome.RECORDED);
    }

    @Test
    void recordedAndRepeatedEventIdsAreSkipped() {
        SessionEventPlan plan = SessionEventPlan.of(List.of(said("old", null, "a"), said("new", null, "b"),
                said("new", null, "b")), Set.of("old"), existing(0, null), Map.of(), 500, AT);

        assertThat(stored(plan)).containsExactly("0:b");
        assertThat(plan.outcomes).extracting(EventOutcome::outcome).containsExactly(EventOutcome.DUPLICATE,
                EventOutcome.RECORDED, EventOutcome.DUPLICATE);
        assertThat(plan.recorded).extracting(SessionEventPlan.Recorded::eventId).containsExactly("new");
    }

    @Test
    void theEndOfAnUnknownSessionIsSkippedAndItsFirstMessagesCreateIt() {
        SessionEventPlan plan = SessionEventPlan.of(List.of(SessionEvent.ended("e1", "u", "s", AT, null),
                said("e2", null, "a"), SessionEvent.ended("e3", "u", "s", AT.plusSeconds(5), "idle")), Set.of(),
                new HashMap<>(), Map.of(), 500, AT);

        assertThat(plan.outcomes).extracting(EventOutcome::outcome).containsExactly(EventOutcome.UNKNOWN_SESSION,
                EventOutcome.RECORDED, EventOutcome.RECORDED);
        assertThat(plan.recorded).containsExactly(new SessionEventPlan.Recorded("e1", null),
                new SessionEventPlan.Recorded("e2", "s"), new SessionEventPlan.Recorded("e3", "s"));
        assertThat(plan.created()).singleElement().satisfies(row -> {
            assertThat(row.messageCount).isEqualTo(1);
            assertThat(row.endedAt).isEqualTo(AT.plusSeconds(5));
            assertThat(row.endReason).isEqualTo("idle");
        });
        assertThat(plan.messages).extracting(MessageRow::createdAt).containsExactly(AT);
    }

    @Test
    void messagesAfterTheEndAndEventsOfAnotherUserChangeNothing() {
        SessionEvent intruder = SessionEvent.messages("e2", "other", "s", AT, null, List.of(ChatMessage.of(
                MessageRole.USER, "x", null)));
        SessionEventPlan plan = SessionEventPlan.of(List.of(said("e1", null, "late"), intruder), Set.of(),
                existing(1, AT), Map.of(), 500, AT);

        assertThat(plan.messages).isEmpty();
        assertThat(plan.updated()).isEmpty();
        assertThat(plan.outcomes).extracting(EventOutcome::outcome).containsExactly(EventOutcome.AFTER_END,
                EventOutcome.OTHER_USER);
    }

    @Test
    void eventsStampedAtOrBeforeTheUsersDeletionAreNotMaterializedAndLaterOnesAre() {
        SessionEvent before = said("e1", null, "deleted");
        SessionEvent atDeletion = SessionEvent.ended("e2", "u", "s", AT.plusSeconds(10), null);
        SessionEvent after = SessionEvent.messages("e3", "u", "s2", AT.plusSeconds(11), null,
                List.of(ChatMessage.of(MessageRole.USER, "new life", null)));
        SessionEventPlan plan = SessionEventPlan.of(List.of(before, atDeletion, after), Set.of(), new HashMap<>(),
                Map.of("u", AT.plusSeconds(10)), 500, AT);

        assertThat(plan.outcomes).extracting(EventOutcome::outcome).containsExactly(EventOutcome.BEFORE_DELETION,
                EventOutcome.BEFORE_DELETION, EventOutcome.RECORDED);
        assertThat(stored(plan)).containsExactly("0:new life");
        assertThat(plan.created()).extracting(row -> row.id).containsExactly("s2");
        // remembered, so a redelivery decides the same without looking
        assertThat(plan.recorded).extracting(SessionEventPlan.Recorded::eventId).containsExactly("e1", "e2", "e3");
    }
}
