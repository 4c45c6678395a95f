package ai.persona.gateway.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import ai.persona.events.ChatMessage;
import ai.persona.gateway.client.SessionView;
import ai.persona.gateway.client.SessionServiceClient;
import ai.persona.gateway.config.GatewayConfig;
import io.smallrye.mutiny.Uni;

/**
 * The native API's sessions in conversation, with their messages, in memory: a turn reads the conversation here and
 * records the new messages as events, so it never waits on session-service or its database. A miss (after a restart,
 * on another replica, an evicted session) reads the session from session-service once. Entries expire after less idle
 * time than session-service's idle timeout, so a session it ended as idle is read again and seen as ended.
 */
@ApplicationScoped
public class ActiveSessions {

    private record Key(String userId, String sessionId) {
    }

    private final SessionServiceClient sessions;
    private final Cache<Key, SessionView> entries;

    public ActiveSessions(@RestClient SessionServiceClient sessions, GatewayConfig config) {
        this.sessions = sessions;
        this.entries = Caffeine.newBuilder()
                .maximumSize(config.sessions().activeCacheSize())
                .expireAfterAccess(config.sessions().activeCacheTtl())
                .build();
    }

    /** The session with its messages; fails as session-service does for a session that is not this user's. */
    public Uni<SessionView> get(String userId, String sessionId) {
        SessionView cached = entries.getIfPresent(new Key(userId, sessionId));
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        return sessions.get(userId, sessionId)
                .invoke(this::remember);
    }

    /** A session just created, or read: later turns find it here. */
    public void remember(SessionView session) {
        entries.put(new Key(session.userId(), session.id()), withMessages(session, session.messagesOrEmpty()));
    }

    /** Messages recorded for the session (the broker acknowledged them); concurrent turns each add theirs. */
    public void said(SessionView session, List<ChatMessage> added, Instant at) {
        entries.asMap().compute(new Key(session.userId(), session.id()), (key, current) -> {
            SessionView base = current != null ? current : session;
            List<ChatMessage> messages = new ArrayList<>(base.messagesOrEmpty());
            messages.addAll(added);
            return new SessionView(base.id(), base.userId(), base.startedAt(), at, base.endedAt(), base.endReason(),
                    base.publishedAt(), messages.size(), List.copyOf(messages));
        });
    }

    /** The session's end was recorded: a turn on it now is refused without asking session-service. */
    public SessionView ended(SessionView session, Instant at, String reason) {
        SessionView ended = session.ended() ? session : new SessionView(session.id(), session.userId(),
                session.startedAt(), session.lastActivityAt(), at, reason, null, session.messageCount(),
                session.messagesOrEmpty());
        entries.put(new Key(session.userId(), session.id()), ended);
        return ended;
    }

    /** The user was deleted. */
    public void forget(String userId) {
        entries.asMap().keySet().removeIf(key -> key.userId().equals(userId));
    }

    private static SessionView withMessages(SessionView s, List<ChatMessage> messages) {
        return new SessionView(s.id(), s.userId(), s.startedAt(), s.lastActivityAt(), s.endedAt(), s.endReason(),
                s.publishedAt(), messages.size(), List.copyOf(messages));
    }
}
