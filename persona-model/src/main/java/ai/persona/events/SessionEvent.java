package ai.persona.events;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import ai.persona.crypto.ContentKey;
import ai.persona.crypto.SealedContent;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What happens in a session, in the order it happens: messages said in it, and its end. The gateway records a turn by
 * publishing one event, keyed by user id like every topic, so one session's events are read in the order written; the
 * model call never waits on a database. session-service materializes the events in batches and, once a session ended,
 * publishes its ConversationCompleted.
 *
 * @param eventId unique per event; consumers de-duplicate by it
 * @param kind {@code MESSAGES}: {@code messages} were said; {@code ENDED}: the session ended for {@code endReason};
 *        {@code FORGOTTEN}: the user asked to be forgotten (no session id). Consumers delete what they hold of the user;
 *        as it follows every event of the user recorded before it on their partition, none of those can bring back
 *        what was deleted
 * @param firstIndex where {@code messages} start in the session when the producer knows it: an OpenAI client resends the
 *        whole conversation each turn, so the gateway sends it from its start and session-service keeps only the
 *        messages it lacks. Absent: the messages follow those already recorded
 * @param sealedMessages the messages, sealed under the user's content key ({@link MessageSeal}); the gateway sends them
 *        only so, with {@code messages} empty. An event without it (from before sealing) carries them in {@code messages}
 * @param sameFirstMessageAs another event whose first message is this one's: the other try of an idempotent turn (the
 *        turn, or what a failed try of it kept of the user's message). When that event was recorded, this one's first
 *        message is not stored again, so a turn retried after a failure keeps the user's message once. Absent: none
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionEvent(int eventVersion, String eventId, Kind kind, String userId, String sessionId, Instant at,
        Integer firstIndex, List<ChatMessage> messages, String endReason, SealedContent sealedMessages,
        String sameFirstMessageAs) {

    public static final int VERSION = 1;

    public enum Kind {
        MESSAGES, ENDED, FORGOTTEN
    }

    public SessionEvent {
        messages = messages == null ? List.of() : List.copyOf(messages);
    }

    public static SessionEvent messages(String eventId, String userId, String sessionId, Instant at,
            Integer firstIndex, List<ChatMessage> messages) {
        return new SessionEvent(VERSION, eventId, Kind.MESSAGES, userId, sessionId, at, firstIndex, messages, null, null,
                null);
    }

    /** A turn's messages, sealed under the user's content key: what the gateway publishes. */
    public static SessionEvent sealedMessages(String eventId, String userId, String sessionId, Instant at,
            Integer firstIndex, List<ChatMessage> messages, ContentKey key) {
        return new SessionEvent(VERSION, eventId, Kind.MESSAGES, userId, sessionId, at, firstIndex, List.of(), null,
                MessageSeal.seal(key, userId, messages), null);
    }

    /** This event, naming the other try of its idempotent turn ({@code sameFirstMessageAs}). */
    public SessionEvent withSameFirstMessageAs(String otherEventId) {
        return new SessionEvent(eventVersion, eventId, kind, userId, sessionId, at, firstIndex, messages, endReason,
                sealedMessages, otherEventId);
    }

    /** This event with its sealed messages opened into {@code messages}. */
    public SessionEvent opened(ContentKey key) {
        return sealedMessages == null ? this
                : new SessionEvent(eventVersion, eventId, kind, userId, sessionId, at, firstIndex,
                        MessageSeal.open(key, userId, sealedMessages), endReason, null, sameFirstMessageAs);
    }

    public static SessionEvent forgotten(String eventId, String userId, Instant at) {
        return new SessionEvent(VERSION, eventId, Kind.FORGOTTEN, userId, null, at, null, List.of(), null, null, null);
    }

    public static SessionEvent ended(String eventId, String userId, String sessionId, Instant at, String endReason) {
        return new SessionEvent(VERSION, eventId, Kind.ENDED, userId, sessionId, at, null, List.of(), endReason, null,
                null);
    }
}
