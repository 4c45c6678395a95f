package ai.persona.session.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import com.fasterxml.jackson.core.type.TypeReference;

import ai.persona.events.ChatMessage;
import ai.persona.events.MessageRole;
import ai.persona.events.ToolCall;
import ai.persona.input.MessageTexts;
import ai.persona.model.ConversationLimits;
import ai.persona.runtime.problem.ProblemException;
import ai.persona.session.config.SessionServiceConfig;
import ai.persona.session.persistence.MessageEntity;
import ai.persona.session.persistence.SessionEntity;
import ai.persona.session.persistence.UserEntity;
import ai.persona.runtime.input.Ids;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** Users' sessions and their messages: the paper's historical session manager. */
@ApplicationScoped
public class SessionService {

    private static final TypeReference<List<ToolCall>> TOOL_CALLS = new TypeReference<>() {
    };

    private final SessionServiceConfig config;
    private final ConversationLimits limits;

    public SessionService(SessionServiceConfig config, ConversationLimits limits) {
        this.config = config;
        this.limits = limits;
    }

    public record Created(SessionView session, boolean created) {
    }

    /** Creates the session, or returns it when the same user created it before (clients may retry with their id). */
    @WithTransaction
    public Uni<Created> create(String userId, String requestedId, Instant startedAt) {
        Ids.check("userId", userId);
        String sessionId = requestedId == null ? UUID.randomUUID().toString() : Ids.check("sessionId", requestedId);
        Instant now = Clocks.now();
        Instant start = startedAt == null ? now : startedAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        return UserEntity.ensure(userId, now)
                .chain(() -> Panache.getSession())
                .chain(session -> session.createNativeQuery("insert into sessions (id, user_id, started_at, last_activity_at,"
                        + " message_count) values (:id, :user, :start, :start, 0) on conflict (id) do nothing")
                        .setParameter("id", sessionId)
                        .setParameter("user", userId)
                        .setParameter("start", start)
                        .executeUpdate())
                .chain(inserted -> SessionEntity.<SessionEntity>findById(sessionId)
                        .map(session -> {
                            if (!session.userId.equals(userId)) {
                                throw ProblemException.conflict("session-id-taken", "session " + sessionId
                                        + " belongs to another user");
                            }
                            return new Created(SessionView.of(session, null), inserted > 0);
                        }));
    }

    /**
     * @param withMessages return the whole conversation after the append: the gateway's next step is the model call,
     *        which needs it, and reading it here saves it a second round trip (measured by the benchmark's P1)
     */
    @WithTransaction
    public Uni<SessionView> append(String userId, String sessionId, List<ChatMessage> messages, boolean withMessages) {
        checkMessages(messages);
        return locked(userId, sessionId)
                .chain(session -> {
                    if (session.isEnded()) {
                        throw ProblemException.conflict("session-ended", "session " + sessionId + " has ended");
                    }
                    if (session.messageCount + messages.size() > limits.maxMessagesPerSession()) {
                        throw ProblemException.conflict("session-full", "a session holds at most "
                                + limits.maxMessagesPerSession() + " messages");
                    }
                    Instant now = Clocks.now();
                    List<MessageEntity> rows = new ArrayList<>();
                    for (ChatMessage message : messages) {
                        rows.add(row(session, session.messageCount + rows.size(), message, now));
                    }
                    session.messageCount += rows.size();
                    session.lastActivityAt = now;
                    if (!withMessages) {
                        return MessageEntity.persist(rows).replaceWith(SessionView.of(session, null));
                    }
                    // read before the new rows are persisted, so no flush is needed; the new ones follow in order
                    return MessageEntity.ofSession(session.id)
                            .chain(earlier -> MessageEntity.persist(rows)
                                    .replaceWith(() -> SessionView.of(session, java.util.stream.Stream.concat(
                                            earlier.stream(), rows.stream()).map(SessionService::message).toList())));
                });
    }

    /** Ends the session once; ending it again returns it unchanged. The full session comes back for publishing. */
    @WithTransaction
    public Uni<SessionView> end(String userId, String sessionId, String reason) {
        return locked(userId, sessionId)
                .invoke(session -> {
                    if (!session.isEnded()) {
                        session.endedAt = Clocks.now();
                        session.endReason = reason == null ? "explicit" : reason;
                    }
                })
                .chain(this::withMessages);
    }

    /** Records that the completion event reached the broker, so the sweeper stops republishing it. */
    @WithTransaction
    public Uni<SessionView> markPublished(String userId, String sessionId) {
        return locked(userId, sessionId)
                .invoke(session -> {
                    if (!session.isEnded()) {
                        throw ProblemException.conflict("session-not-ended", "session " + sessionId + " has not ended");
                    }
                    if (session.publishedAt == null) {
                        session.publishedAt = Clocks.now();
                    }
                })
                .map(session -> SessionView.of(session, null));
    }

    @WithSession
    public Uni<SessionView> get(String userId, String sessionId) {
        return SessionEntity.<SessionEntity>findById(sessionId)
                .map(session -> owned(session, userId, sessionId))
                .chain(this::withMessages);
    }

    @WithSession
    public Uni<PageView<SessionView>> list(String userId, int page, int size) {
        int pageSize = Math.min(Math.max(size, 1), config.maxPageSize());
        int pageIndex = Pages.index(page, pageSize);
        return UserEntity.findById(userId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("no user " + userId))
                .chain(() -> SessionEntity.countFor(userId))
                .chain(total -> SessionEntity.page(userId, pageIndex, pageSize)
                        .map(sessions -> new PageView<>(sessions.stream().map(s -> SessionView.of(s, null)).toList(),
                                pageIndex, pageSize, total)));
    }

    /** Completed sessions whose completion event was not yet acknowledged, oldest first, with their messages. */
    @WithSession
    public Uni<List<SessionView>> unpublished(int limit) {
        return SessionEntity.completedUnpublished(Math.min(Math.max(limit, 1), config.maxPageSize()))
                .chain(sessions -> Multi.createFrom().iterable(sessions)
                        .onItem().transformToUniAndConcatenate(this::withMessages)
                        .collect().asList());
    }

    /**
     * Ends the sessions idle for longer than {@code idleFor} (reason "idle") and returns them with their messages, so the
     * gateway's sweeper can publish their completion. Rows are locked: a concurrent sweeper waits, then finds them ended and skips them.
     */
    @WithTransaction
    public Uni<List<SessionView>> endIdle(Duration idleFor, int limit) {
        return endIdleSessions(idleFor, Math.min(Math.max(limit, 1), config.maxPageSize()))
                .chain(sessions -> Multi.createFrom().iterable(sessions)
                        .onItem().transformToUniAndConcatenate(this::withMessages)
                        .collect().asList());
    }

    /**
     * As {@link #endIdle} for session-service's own idle job: the messages are not read here, the completion relay
     * reads them when it publishes.
     *
     * @return how many sessions were ended
     */
    @WithTransaction
    public Uni<Integer> endIdleQuietly(Duration idleFor, int limit) {
        return endIdleSessions(idleFor, Math.max(limit, 1))
                .map(List::size);
    }

    private Uni<List<SessionEntity>> endIdleSessions(Duration idleFor, int limit) {
        if (idleFor == null || idleFor.isNegative() || idleFor.isZero()) {
            throw ProblemException.badRequest("idleFor must be a positive ISO-8601 duration such as PT30M");
        }
        Instant now = Clocks.now();
        return SessionEntity.idleSince(now.minus(idleFor), limit)
                .invoke(sessions -> sessions.forEach(session -> {
                    session.endedAt = now;
                    session.endReason = "idle";
                }));
    }

    Uni<SessionView> withMessages(SessionEntity session) {
        return MessageEntity.ofSession(session.id)
                .map(rows -> SessionView.of(session, rows.stream().map(SessionService::message).toList()));
    }

    private Uni<SessionEntity> locked(String userId, String sessionId) {
        return SessionEntity.<SessionEntity>findById(sessionId, LockModeType.PESSIMISTIC_WRITE)
                .map(session -> owned(session, userId, sessionId));
    }

    // Another user's session is reported as missing, so ids of other users' sessions cannot be probed.
    private static SessionEntity owned(SessionEntity session, String userId, String sessionId) {
        if (session == null || !session.userId.equals(userId)) {
            throw ProblemException.notFound("no session " + sessionId + " for user " + userId);
        }
        return session;
    }

    // package-private: SessionEventReader holds events to the same rules as the REST API
    void checkMessages(List<ChatMessage> messages) {
        if (messages == null || messages.isEmpty()) {
            throw ProblemException.badRequest("send at least one message");
        }
        for (ChatMessage message : messages) {
            if (message == null || message.role() == null) {
                throw ProblemException.badRequest("every message needs a role: SYSTEM, USER, ASSISTANT or TOOL");
            }
            boolean hasContent = message.content() != null && !message.content().isBlank();
            if (!hasContent && message.toolCalls().isEmpty()) {
                throw ProblemException.badRequest("a " + message.role() + " message needs content");
            }
            if (message.content() != null && message.content().length() > limits.maxMessageChars()) {
                throw ProblemException.tooLarge("a message holds at most " + limits.maxMessageChars() + " characters");
            }
        }
        MessageTexts.firstProblem(messages).ifPresent(problem -> {
            throw ProblemException.badField(problem.field(), problem.detail());
        });
    }

    private static MessageEntity row(SessionEntity session, int seq, ChatMessage message, Instant now) {
        MessageEntity row = new MessageEntity();
        row.sessionId = session.id;
        row.seq = seq;
        row.role = message.role().name();
        row.content = message.content();
        row.createdAt = message.at() == null ? now : message.at();
        row.toolCalls = message.toolCalls().isEmpty() ? null : Json.write(message.toolCalls());
        row.toolCallId = message.toolCallId();
        return row;
    }

    private static ChatMessage message(MessageEntity row) {
        List<ToolCall> calls = row.toolCalls == null ? List.of() : Json.read(row.toolCalls, TOOL_CALLS);
        return new ChatMessage(MessageRole.valueOf(row.role), row.content, row.createdAt, calls, row.toolCallId);
    }
}
