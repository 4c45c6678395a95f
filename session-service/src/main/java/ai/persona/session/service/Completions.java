package ai.persona.session.service;

import static ai.persona.session.service.SqlValues.instant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;

import ai.persona.events.ChatMessage;
import ai.persona.events.ConversationCompleted;
import ai.persona.events.MessageRole;
import ai.persona.events.ToolCall;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The sessions table as the outbox of ConversationCompleted: an ended session whose completion is not marked published
 * is still to publish. Used inside the relay's transaction, which holds the relay lock from the read to the mark.
 */
@ApplicationScoped
public class Completions {

    /** The relay's advisory lock ("complete"); PersonaEventRelay holds another. */
    public static final long RELAY_LOCK = 0x636f_6d70_6c65_7465L;

    private static final TypeReference<List<ToolCall>> TOOL_CALLS = new TypeReference<>() {
    };

    /** Whether this transaction got the relay lock: one relay at a time across instances. */
    public Uni<Boolean> lock(SqlConnection conn) {
        return conn.preparedQuery("select pg_try_advisory_xact_lock($1)")
                .execute(Tuple.of(RELAY_LOCK))
                .map(rows -> rows.iterator().next().getBoolean(0));
    }

    /**
     * Ended, unpublished sessions, oldest end first, as their ConversationCompleted. A session that started at or before
     * its user's latest deletion (brought back by an event recorded before the deletion, and deleted again when
     * session-service reaches the user's FORGOTTEN marker) comes without its messages: the relay marks it and sends
     * nothing, as for any empty session.
     */
    public Uni<List<ConversationCompleted>> unpublished(SqlConnection conn, int limit) {
        return conn.preparedQuery("select s.id, s.user_id, s.started_at, s.ended_at, exists (select 1 from"
                + " forgotten_users f where f.user_hash = encode(sha256(convert_to(s.user_id, 'UTF8')), 'hex')"
                + " and s.started_at <= f.forgotten_at) as before_deletion from sessions s"
                + " where s.ended_at is not null and s.published_at is null order by s.ended_at, s.id limit $1")
                .execute(Tuple.of(limit))
                .chain(rows -> {
                    Map<String, Row> sessions = new LinkedHashMap<>();
                    rows.forEach(row -> sessions.put(row.getString("id"), row));
                    return sessions.isEmpty() ? Uni.createFrom().item(List.<ConversationCompleted>of())
                            : messages(conn, sessions);
                });
    }

    public Uni<Void> markPublished(SqlConnection conn, List<String> sessionIds) {
        return conn.preparedQuery("update sessions set published_at = $2 where id = any($1) and published_at is null")
                .execute(Tuple.of(sessionIds.toArray(String[]::new), SqlValues.utc(Clocks.now())))
                .replaceWithVoid();
    }

    private static Uni<List<ConversationCompleted>> messages(SqlConnection conn, Map<String, Row> sessions) {
        String[] learnable = sessions.values().stream()
                .filter(row -> !row.getBoolean("before_deletion"))
                .map(row -> row.getString("id"))
                .toArray(String[]::new);
        return conn.preparedQuery("select session_id, role, content, created_at, tool_calls::text as tool_calls,"
                + " tool_call_id from messages where session_id = any($1) order by session_id, seq")
                .execute(Tuple.of(learnable))
                .map(rows -> {
                    Map<String, List<ChatMessage>> said = new LinkedHashMap<>();
                    rows.forEach(row -> said.computeIfAbsent(row.getString("session_id"), id -> new ArrayList<>())
                            .add(message(row)));
                    return sessions.values().stream()
                            .map(s -> ConversationCompleted.of(s.getString("id"), s.getString("user_id"),
                                    instant(s.getOffsetDateTime("started_at")), instant(s.getOffsetDateTime("ended_at")),
                                    said.getOrDefault(s.getString("id"), List.of())))
                            .toList();
                });
    }

    private static ChatMessage message(Row row) {
        String calls = row.getString("tool_calls");
        return new ChatMessage(MessageRole.valueOf(row.getString("role")), row.getString("content"),
                instant(row.getOffsetDateTime("created_at")), calls == null ? List.of() : Json.read(calls, TOOL_CALLS),
                row.getString("tool_call_id"));
    }
}
