package ai.persona.gateway.client;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import ai.persona.events.ChatMessage;

/** A session as session-service returns it; messages only on the calls that include them (get, end, sweeps). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionView(String id, String userId, Instant startedAt, Instant lastActivityAt, Instant endedAt,
        String endReason, Instant publishedAt, int messageCount, List<ChatMessage> messages) {

    public boolean ended() {
        return endedAt != null;
    }

    public boolean published() {
        return publishedAt != null;
    }

    public List<ChatMessage> messagesOrEmpty() {
        return messages == null ? List.of() : messages;
    }
}
