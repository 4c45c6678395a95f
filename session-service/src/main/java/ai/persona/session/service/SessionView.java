package ai.persona.session.service;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import ai.persona.events.ChatMessage;
import ai.persona.session.persistence.SessionEntity;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A session as the API shows it; messages only where asked for (one session, completion, export). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record SessionView(String id, String userId, Instant startedAt, Instant lastActivityAt, Instant endedAt,
        String endReason, Instant publishedAt, int messageCount, List<ChatMessage> messages) {

    static SessionView of(SessionEntity s, List<ChatMessage> messages) {
        return new SessionView(s.id, s.userId, s.startedAt, s.lastActivityAt, s.endedAt, s.endReason, s.publishedAt,
                s.messageCount, messages);
    }
}
