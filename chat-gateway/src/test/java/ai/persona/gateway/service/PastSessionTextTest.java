package ai.persona.gateway.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import ai.persona.events.ChatMessage;
import ai.persona.events.MessageRole;
import ai.persona.gateway.client.SessionView;
import ai.persona.model.TokenCounter;

class PastSessionTextTest {

    private static final String HEADER = "A past conversation with this user that may be relevant:";

    @Test
    void turnsFollowTheHeaderAsUserAndAssistantLinesAndToolMessagesAreLeftOut() {
        SessionView session = session(
                message(MessageRole.USER, "How do I brew oolong?"),
                message(MessageRole.TOOL, "{\"temperature\": 95}"),
                message(MessageRole.ASSISTANT, "At 95 °C, for about a minute."));

        assertThat(PastSessionText.render(HEADER, 1500, session))
                .isEqualTo(HEADER + "\nuser: How do I brew oolong?\nassistant: At 95 °C, for about a minute.");
    }

    @Test
    void overTheBudgetTheUsersLaterCorrectionIsKeptAndTheAssistantsReplyIsCut() {
        String long1 = "汽车刹车时有摩擦声，".repeat(200);
        SessionView session = session(
                message(MessageRole.USER, "short opening"),
                message(MessageRole.ASSISTANT, long1),
                message(MessageRole.USER, "no, I meant the rear brakes"));

        String block = PastSessionText.render(HEADER, 120, session);

        assertThat(TokenCounter.count(block)).isLessThanOrEqualTo(120).isGreaterThan(90);
        assertThat(block).startsWith(HEADER + "\nuser: short opening\nassistant: 汽车")
                .endsWith(" …\nuser: no, I meant the rear brakes");
    }

    @Test
    void userTurnsGoInFirstThenRepliesInOrderUntilOneOverflowsAndTheBlockKeepsTheSessionsOrder() {
        SessionView session = session(
                message(MessageRole.USER, "find me a tea"),
                message(MessageRole.ASSISTANT, "Here are ten teas. ".repeat(40)),
                message(MessageRole.USER, "cheaper ones"),
                message(MessageRole.ASSISTANT, "A budget oolong."));
        int users = TokenCounter.count(HEADER + "\nuser: find me a tea\nuser: cheaper ones");

        String block = PastSessionText.render(HEADER, users + 20, session);

        assertThat(block).startsWith(HEADER + "\nuser: find me a tea\nassistant: Here are ten teas.")
                .endsWith(" …\nuser: cheaper ones").doesNotContain("budget oolong");
    }

    @Test
    void aFirstMessageOverTheWholeBudgetIsCutNotDropped() {
        SessionView session = session(message(MessageRole.USER, "my python script fails ".repeat(1000)));

        String block = PastSessionText.render(HEADER, 60, session);

        assertThat(block).startsWith(HEADER + "\nuser: my python script fails").endsWith(" …");
        assertThat(TokenCounter.count(block)).isLessThanOrEqualTo(60);
    }

    @Test
    void nothingToShowIsNoBlock() {
        assertThat(PastSessionText.render(HEADER, 1500, session(message(MessageRole.TOOL, "{}")))).isNull();
        assertThat(PastSessionText.render(HEADER, TokenCounter.count(HEADER) + 1,
                session(message(MessageRole.USER, "anything at all")))).isNull();
    }

    @Test
    void theEmbeddedTextIsWhatTheUserSaid() {
        SessionView session = session(
                message(MessageRole.USER, "first"),
                message(MessageRole.ASSISTANT, "a reply"),
                message(MessageRole.USER, "second"));

        assertThat(PastSessionText.userText(session)).isEqualTo("first\nsecond");
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        String cut = PastSessionText.cut("\nuser: " + "🍵".repeat(100), 12);

        assertThat(cut).endsWith(" …");
        assertThat(cut.codePoints().noneMatch(c -> Character.isSurrogate((char) c))).isTrue();
    }

    private static ChatMessage message(MessageRole role, String content) {
        return ChatMessage.of(role, content, Instant.parse("2026-01-01T00:00:00Z"));
    }

    private static SessionView session(ChatMessage... messages) {
        return new SessionView("s1", "u1", Instant.EPOCH, Instant.EPOCH, Instant.EPOCH, "ended", null,
                messages.length, List.of(Arrays.copyOf(messages, messages.length)));
    }
}
