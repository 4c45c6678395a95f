package ai.persona.gateway.memory;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;

import ai.persona.events.ChatMessage;
import ai.persona.gateway.messaging.SessionRecorder;
import ai.persona.model.PersonaJson;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Publishes a posted conversation the way a chat session is recorded: its messages as {@code MESSAGES} events, then
 * its {@code ENDED} event, all through {@link SessionRecorder} (acknowledged by the broker before the next goes out).
 * session-service then materializes it and publishes its ConversationCompleted, so it counts toward the user's next
 * batch like any ended session.
 *
 * <p>Every {@code MESSAGES} event carries where its messages start ({@code firstIndex}): session-service keeps only the
 * messages it lacks and ignores events after the end, so publishing the same conversation again records it once. A
 * long conversation goes out in several events of at most {@link #EVENT_BYTES}, below Kafka's default 1 MiB record
 * limit (the request body may be up to 2 MiB).</p>
 */
@ApplicationScoped
public class ConversationPublisher {

    static final String END_REASON = "recorded";
    static final int EVENT_BYTES = 512 * 1024;

    private final SessionRecorder recorder;

    public ConversationPublisher(SessionRecorder recorder) {
        this.recorder = recorder;
    }

    public Uni<Void> publish(String userId, String sessionId, List<ChatMessage> messages) {
        return Multi.createFrom().iterable(chunks(messages))
                .onItem().transformToUniAndConcatenate(chunk -> recorder.said(userId, sessionId, chunk.firstIndex(),
                        chunk.messages()))
                .collect().last()
                .chain(() -> recorder.ended(userId, sessionId, END_REASON));
    }

    record Chunk(int firstIndex, List<ChatMessage> messages) {
    }

    /** Consecutive runs of messages, each within {@link #EVENT_BYTES} as JSON (one message always fits alone). */
    static List<Chunk> chunks(List<ChatMessage> messages) {
        List<Chunk> chunks = new ArrayList<>();
        int start = 0;
        int bytes = 0;
        for (int i = 0; i < messages.size(); i++) {
            int size = jsonBytes(messages.get(i));
            if (i > start && bytes + size > EVENT_BYTES) {
                chunks.add(new Chunk(start, messages.subList(start, i)));
                start = i;
                bytes = 0;
            }
            bytes += size;
        }
        chunks.add(new Chunk(start, messages.subList(start, messages.size())));
        return chunks;
    }

    private static int jsonBytes(ChatMessage message) {
        try {
            return PersonaJson.mapper().writeValueAsBytes(message).length;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a message", e);
        }
    }
}
