package ai.persona.gateway.memory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConversationIdsTest {

    @Test
    void theSameClientIdOfTheSameUserIsTheSameSessionAndOnlyThen() {
        String first = ConversationIds.sessionId("alice", "chat-1");

        assertThat(ConversationIds.sessionId("alice", "chat-1")).isEqualTo(first);
        assertThat(ConversationIds.sessionId("bob", "chat-1")).isNotEqualTo(first);
        assertThat(ConversationIds.sessionId("alice", "chat-2")).isNotEqualTo(first);
        // the user and the client id are kept apart: ("a", "b\0c") is not ("a\0b", "c")
        assertThat(ConversationIds.sessionId("a", "b\u0000c")).isNotEqualTo(ConversationIds.sessionId("a\u0000b", "c"));
    }

    @Test
    void withoutAClientIdEveryConversationIsASessionOfItsOwn() {
        assertThat(ConversationIds.sessionId("alice", null)).isNotEqualTo(ConversationIds.sessionId("alice", null));
    }
}
