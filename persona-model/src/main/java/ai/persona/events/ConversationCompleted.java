package ai.persona.events;

import java.time.Instant;
import java.util.List;

import ai.persona.crypto.ContentKey;
import ai.persona.crypto.SealedContent;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A session the user finished (or that timed out idle). Consumers de-duplicate by {@code sessionId}: it may be published
 * more than once.
 *
 * @param sealedMessages the messages, sealed under the user's content key ({@link MessageSeal}); session-service sends
 *        them only so, with {@code messages} empty. A completion without it (from before sealing) carries them in
 *        {@code messages}
 */
@RegisterForReflection
public record ConversationCompleted(int eventVersion, String sessionId, String userId, Instant startedAt, Instant endedAt,
        List<ChatMessage> messages, SealedContent sealedMessages) {

    public static final int VERSION = 1;

    public ConversationCompleted {
        messages = messages == null ? List.of() : List.copyOf(messages);
    }

    public static ConversationCompleted of(String sessionId, String userId, Instant startedAt, Instant endedAt,
            List<ChatMessage> messages) {
        return new ConversationCompleted(VERSION, sessionId, userId, startedAt, endedAt, messages, null);
    }

    /** This completion as published: its messages sealed under the user's content key. */
    public ConversationCompleted sealed(ContentKey key) {
        return new ConversationCompleted(eventVersion, sessionId, userId, startedAt, endedAt, List.of(),
                MessageSeal.seal(key, userId, messages));
    }

    /** This completion with its sealed messages opened into {@code messages}. */
    public ConversationCompleted opened(ContentKey key) {
        return sealedMessages == null ? this
                : new ConversationCompleted(eventVersion, sessionId, userId, startedAt, endedAt,
                        MessageSeal.open(key, userId, sealedMessages), null);
    }
}
