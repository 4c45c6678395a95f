package ai.persona.gateway.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import ai.persona.events.ChatMessage;
import ai.persona.events.MessageRole;

class ConversationPublisherTest {

    private static List<ChatMessage> messages(int count, int chars) {
        List<ChatMessage> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            messages.add(ChatMessage.of(i % 2 == 0 ? MessageRole.USER : MessageRole.ASSISTANT, "x".repeat(chars),
                    Instant.parse("2026-01-01T00:00:00Z")));
        }
        return messages;
    }

    @Test
    void aShortConversationIsOneEventFromTheStart() {
        List<ConversationPublisher.Chunk> chunks = ConversationPublisher.chunks(messages(6, 100));

        assertThat(chunks).hasSize(1);
        assertThat(chunks.get(0).firstIndex()).isZero();
        assertThat(chunks.get(0).messages()).hasSize(6);
    }

    @Test
    void aLongConversationIsSplitIntoEventsThatEachSayWhereTheyStart() {
        List<ChatMessage> all = messages(60, 30_000);

        List<ConversationPublisher.Chunk> chunks = ConversationPublisher.chunks(all);

        assertThat(chunks).hasSizeGreaterThan(1);
        int next = 0;
        for (ConversationPublisher.Chunk chunk : chunks) {
            assertThat(chunk.firstIndex()).isEqualTo(next);
            assertThat(chunk.messages().size() * 30_000).isLessThanOrEqualTo(ConversationPublisher.EVENT_BYTES);
            next += chunk.messages().size();
        }
        assertThat(next).isEqualTo(all.size());
    }

    @Test
    void theSameClientIdOfTheSameUserIsTheSameSessionAndOnlyThen() {
        String first = ConversationIds.sessionId("alice", "chat-1");

        assertThat(ConversationIds.sessionId("alice", "chat-1")).isEqualTo(first);
        assertThat(ConversationIds.sessionId("bob", "chat-1")).isNotEqualTo(first);
        assertThat(ConversationIds.sessionId("alice", "chat-2")).isNotEqualTo(first);
        assertThat(ConversationIds.sessionId("alice", null)).isNotEqualTo(ConversationIds.sessionId("alice", null));
    }
}
