package ai.persona.events;

import java.time.Instant;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A session the user finished (or that timed out idle). Consumers de-duplicate by {@code sessionId}: it may be published
 * more than once.
 */
@RegisterForReflection
public record ConversationCompleted(int eventVersion, String sessionId, String userId, Instant startedAt, Instant endedAt,
        List<ChatMessage> messages) {

    public static final int VERSION = 1;

    public ConversationCompleted {
        messages = messages == null ? List.of() : List.copyOf(messages);
    }

    public static ConversationCompleted of(String sessionId, String userId, Instant startedAt, Instant endedAt,
            List<ChatMessage> messages) {
        return new ConversationCompleted(VERSION, sessionId, userId, startedAt, endedAt, messages);
    }
}
