package ai.persona.gateway.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import ai.persona.events.ChatMessage;
import ai.persona.events.MessageRole;

class SessionIdsTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private static List<ChatMessage> conversation(String system, String... turns) {
        List<ChatMessage> messages = new java.util.ArrayList<>();
        messages.add(ChatMessage.of(MessageRole.SYSTEM, system, NOW));
        for (int i = 0; i < turns.length; i++) {
            messages.add(ChatMessage.of(i % 2 == 0 ? MessageRole.USER : MessageRole.ASSISTANT, turns[i], NOW));
        }
        return messages;
    }

    @Test
    void laterTurnsOfAConversationKeepItsId() {
        String first = SessionIds.derive("alice", conversation("Be brief.", "hello"));
        String later = SessionIds.derive("alice", conversation("Be brief.", "hello", "hi", "how are you?"));

        assertThat(later).isEqualTo(first).startsWith("oa-").hasSize(3 + 32);
    }

    @Test
    void anotherUserOrAnotherBeginningIsAnotherSession() {
        String alice = SessionIds.derive("alice", conversation("Be brief.", "hello"));

        assertThat(SessionIds.derive("bob", conversation("Be brief.", "hello"))).isNotEqualTo(alice);
        assertThat(SessionIds.derive("alice", conversation("Be verbose.", "hello"))).isNotEqualTo(alice);
        assertThat(SessionIds.derive("alice", conversation("Be brief.", "good morning"))).isNotEqualTo(alice);
    }

    @Test
    void aNamedOrIdempotentSessionIsScopedToItsUser() {
        assertThat(SessionIds.scoped("alice", "my-chat")).startsWith("xs-").hasSize(3 + 32)
                .isEqualTo(SessionIds.scoped("alice", "my-chat"))
                .isNotEqualTo(SessionIds.scoped("bob", "my-chat"));
        assertThat(SessionIds.idempotent("alice", "key-1")).startsWith("ik-")
                .isEqualTo(SessionIds.idempotent("alice", "key-1"))
                .isNotEqualTo(SessionIds.idempotent("bob", "key-1"))
                .isNotEqualTo(SessionIds.idempotent("alice", "key-2"));
    }

    @Test
    void twoChatsThatOpenAlikePartAtTheirFirstReplies() {
        assertThat(SessionIds.replied("alice", conversation("Be brief.", "hello"))).isEmpty();
        String a = SessionIds.replied("alice", conversation("Be brief.", "hello", "Reply A.")).orElseThrow();
        String aLater = SessionIds.replied("alice", conversation("Be brief.", "hello", "Reply A.", "more", "sure"))
                .orElseThrow();
        String b = SessionIds.replied("alice", conversation("Be brief.", "hello", "Reply B.")).orElseThrow();

        assertThat(aLater).isEqualTo(a);
        assertThat(b).isNotEqualTo(a);
        assertThat(a).startsWith("oa-").isNotEqualTo(SessionIds.derive("alice", conversation("Be brief.", "hello")));
        assertThat(SessionIds.replied("bob", conversation("Be brief.", "hello", "Reply A."))).isNotEqualTo(
                java.util.Optional.of(a));
    }

    @Test
    void aGreetingAheadOfTheFirstUserMessageIsNoReply() {
        List<ChatMessage> greeted = List.of(ChatMessage.of(MessageRole.ASSISTANT, "Welcome!", NOW),
                ChatMessage.of(MessageRole.USER, "hello", NOW));
        assertThat(SessionIds.firstReply(greeted)).isEmpty();
        List<ChatMessage> answered = new java.util.ArrayList<>(greeted);
        answered.add(ChatMessage.of(MessageRole.ASSISTANT, "Hi there.", NOW));
        assertThat(SessionIds.firstReply(answered)).map(ChatMessage::content).contains("Hi there.");
    }
}
