package ai.persona.session.service;

import static ai.persona.session.service.SqlValues.instant;
import static ai.persona.session.service.SqlValues.integers;
import static ai.persona.session.service.SqlValues.strings;
import static ai.persona.session.service.SqlValues.times;
import static ai.persona.session.service.SqlValues.utc;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import ai.persona.events.SessionEvent;
import ai.persona.model.ConversationLimits;
import ai.persona.session.persistence.ForgottenUserEntity;
import ai.persona.session.service.SessionEventPlan.MessageRow;
import ai.persona.session.service.SessionEventPlan.SessionRow;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Materializes a batch of SessionEvents in one transaction with plain SQL: a handful of statements per batch, whatever
 * its size, instead of several per event. All or nothing: a failure rolls the batch back and it is retried whole.
 */
@ApplicationScoped
public class SessionEventStore {

    private final Pool pool;
    private final ConversationLimits limits;

    public SessionEventStore(Pool pool, ConversationLimits limits) {
        this.pool = pool;
        this.limits = limits;
    }

    /** Thrown when a session was created by someone else meanwhile; the retry of the batch sees it. */
    static final class ConcurrentCreation extends IllegalStateException {
        ConcurrentCreation(String detail) {
            super(detail);
        }
    }

    /** @param events readable events in record order; returns what happened to each, once committed */
    public Uni<List<EventOutcome>> record(List<SessionEvent> events) {
        // with the other tries of idempotent turns: whether one was recorded decides what a try stores
        String[] eventIds = events.stream()
                .flatMap(event -> Stream.of(event.eventId(), event.sameFirstMessageAs()))
                .filter(Objects::nonNull)
                .distinct()
                .toArray(String[]::new);
        String[] sessionIds = events.stream().map(SessionEvent::sessionId).distinct().toArray(String[]::new);
        String[] userIds = events.stream().map(SessionEvent::userId).distinct().toArray(String[]::new);
        return pool.withTransaction(conn -> alreadyRecorded(conn, eventIds)
                .chain(recorded -> forgotten(conn, userIds)
                        .chain(deletions -> locked(conn, sessionIds)
                                .map(rows -> SessionEventPlan.of(events, recorded, rows, deletions,
                                        limits.maxMessagesPerSession(), Clocks.now()))))
                .call(plan -> createSessions(conn, plan.created()))
                .call(plan -> insertMessages(conn, plan.messages))
                .call(plan -> updateSessions(conn, plan.updated()))
                .call(plan -> remember(conn, plan.recorded))
                .map(plan -> plan.outcomes));
    }

    private static Uni<Set<String>> alreadyRecorded(SqlConnection conn, String[] eventIds) {
        return conn.preparedQuery("select event_id from recorded_session_events where event_id = any($1)")
                .execute(Tuple.of(eventIds))
                .map(rows -> {
                    Set<String> ids = new HashSet<>();
                    rows.forEach(row -> ids.add(row.getString(0)));
                    return ids;
                });
    }

    /** The latest deletion of each of the users that has one, by user id. */
    private static Uni<Map<String, Instant>> forgotten(SqlConnection conn, String[] userIds) {
        Map<String, String> byHash = new HashMap<>();
        for (String userId : userIds) {
            byHash.put(ForgottenUserEntity.hash(userId), userId);
        }
        return conn.preparedQuery("select user_hash, forgotten_at from forgotten_users where user_hash = any($1)")
                .execute(Tuple.of(byHash.keySet().toArray(String[]::new)))
                .map(rows -> {
                    Map<String, Instant> deletions = new HashMap<>();
                    rows.forEach(row -> deletions.put(byHash.get(row.getString("user_hash")),
                            instant(row.getOffsetDateTime("forgotten_at"))));
                    return deletions;
                });
    }

    // Locked in id order, as any writer of several sessions should, so two batches cannot deadlock; a REST append
    // or end of the same session waits for this transaction and then sees its result.
    private static Uni<Map<String, SessionRow>> locked(SqlConnection conn, String[] sessionIds) {
        return conn.preparedQuery("select id, user_id, started_at, last_activity_at, ended_at, end_reason, message_count"
                + " from sessions where id = any($1) order by id for update")
                .execute(Tuple.of(sessionIds))
                .map(rows -> {
                    Map<String, SessionRow> sessions = new LinkedHashMap<>();
                    rows.forEach(row -> sessions.put(row.getString("id"), new SessionRow(row.getString("id"),
                            row.getString("user_id"), instant(row.getOffsetDateTime("started_at")),
                            instant(row.getOffsetDateTime("last_activity_at")),
                            instant(row.getOffsetDateTime("ended_at")), row.getString("end_reason"),
                            row.getInteger("message_count"), false)));
                    return sessions;
                });
    }

    private static Uni<Void> createSessions(SqlConnection conn, List<SessionRow> created) {
        if (created.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // their users first, each with the empty persona (version 0) a user starts with, as UserEntity.ensure does
        String[] users = created.stream().map(row -> row.userId).distinct().toArray(String[]::new);
        return conn.preparedQuery("with u as (insert into users (id, created_at) select unnest($1::text[]), $2"
                + " on conflict do nothing returning id) insert into personas (user_id, version, document, updated_at)"
                + " select id, 0, '{}'::jsonb, $2 from u")
                .execute(Tuple.of(users, utc(Clocks.now())))
                .chain(() -> conn.preparedQuery("insert into sessions (id, user_id, started_at, last_activity_at,"
                        + " ended_at, end_reason, message_count) select * from unnest($1::text[], $2::text[],"
                        + " $3::timestamptz[], $4::timestamptz[], $5::timestamptz[], $6::text[], $7::int[])"
                        + " on conflict (id) do nothing")
                        .execute(Tuple.tuple(List.of(strings(created, row -> row.id), strings(created, row -> row.userId),
                                times(created, row -> row.startedAt), times(created, row -> row.lastActivityAt),
                                times(created, row -> row.endedAt), strings(created, row -> row.endReason),
                                integers(created, row -> row.messageCount)))))
                .invoke(rows -> {
                    if (rows.rowCount() != created.size()) {
                        throw new ConcurrentCreation("a session of the batch was created meanwhile");
                    }
                })
                .replaceWithVoid();
    }

    private static Uni<Void> insertMessages(SqlConnection conn, List<MessageRow> messages) {
        if (messages.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return conn.preparedQuery("insert into messages (session_id, seq, role, content, created_at, tool_calls,"
                + " tool_call_id) select s, q, r, c, t, tc::jsonb, tci from unnest($1::text[], $2::int[], $3::text[],"
                + " $4::text[], $5::timestamptz[], $6::text[], $7::text[]) as m(s, q, r, c, t, tc, tci)")
                .execute(Tuple.tuple(List.of(strings(messages, MessageRow::sessionId),
                        integers(messages, MessageRow::seq),
                        strings(messages, m -> m.message().role().name()),
                        strings(messages, m -> m.message().content()),
                        times(messages, MessageRow::createdAt),
                        strings(messages, m -> m.message().toolCalls().isEmpty() ? null : Json.write(m.message().toolCalls())),
                        strings(messages, m -> m.message().toolCallId()))))
                .replaceWithVoid();
    }

    private static Uni<Void> updateSessions(SqlConnection conn, List<SessionRow> updated) {
        if (updated.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return conn.preparedQuery("update sessions s set last_activity_at = u.la, ended_at = u.ea, end_reason = u.er,"
                + " message_count = u.mc from unnest($1::text[], $2::timestamptz[], $3::timestamptz[], $4::text[],"
                + " $5::int[]) as u(id, la, ea, er, mc) where s.id = u.id")
                .execute(Tuple.tuple(List.of(strings(updated, row -> row.id), times(updated, row -> row.lastActivityAt),
                        times(updated, row -> row.endedAt), strings(updated, row -> row.endReason),
                        integers(updated, row -> row.messageCount))))
                .replaceWithVoid();
    }

    private static Uni<RowSet<Row>> remember(SqlConnection conn, List<SessionEventPlan.Recorded> recorded) {
        return conn.preparedQuery("insert into recorded_session_events (event_id, session_id, recorded_at)"
                + " select e, s, $3 from unnest($1::text[], $2::text[]) as r(e, s) on conflict do nothing")
                .execute(Tuple.of(strings(recorded, SessionEventPlan.Recorded::eventId),
                        strings(recorded, SessionEventPlan.Recorded::sessionId), utc(Clocks.now())));
    }
}
