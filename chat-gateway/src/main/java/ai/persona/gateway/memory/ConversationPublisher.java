package ai.persona.gateway.memory;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import ai.persona.events.ChatMessage;
import ai.persona.gateway.messaging.SessionRecorder;
import io.smallrye.mutiny.Uni;

/**
 * Publishes a posted conversation the way a chat session is recorded: its messages as a {@code MESSAGES} event, then
 * its {@code ENDED} event, through {@link SessionRecorder} (each acknowledged by the broker before the next goes out).
 * session-service then materializes it and publishes its ConversationCompleted, so it counts toward the user's next
 * batch like any ended session.
 *
 * <p>The messages go out from the session's start ({@code firstIndex} 0): session-service keeps only the messages it
 * lacks and ignores events after the end, so publishing the same conversation again records it once.</p>
 */
@ApplicationScoped
public class ConversationPublisher {

    static final String END_REASON = "recorded";

    private final SessionRecorder recorder;

    public ConversationPublisher(SessionRecorder recorder) {
        this.recorder = recorder;
    }

    public Uni<Void> publish(String userId, String sessionId, List<ChatMessage> messages) {
        return recorder.said(userId, sessionId, 0, messages)
                .chain(() -> recorder.ended(userId, sessionId, END_REASON));
    }
}
