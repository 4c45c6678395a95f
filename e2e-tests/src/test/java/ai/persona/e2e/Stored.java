package ai.persona.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.type.TypeReference;

import ai.persona.infra.PostgresConnection;
import ai.persona.model.PersonaJson;

/**
 * What session-service and the updater hold for the users whose ids start with a prefix, read from their databases in
 * one go: the fault test compares it with what the users' clients know.
 */
record Stored(Map<String, SessionRow> sessions, Map<String, List<MessageRow>> messages, List<VersionRow> versions,
        Map<String, Long> personaVersions, List<PatchRow> processedPatches, long rejectedPatches,
        Map<String, String> updaterSessions, List<BatchRow> batches) {

    record SessionRow(String id, String userId, boolean ended, boolean published, int messageCount) {
    }

    record MessageRow(int seq, String role, String content) {
    }

    record VersionRow(String userId, long version, String source, String patchId, List<String> sessionIds) {
    }

    record PatchRow(String patchId, String userId, String outcome, Long version) {
    }

    /** An optimizer batch of the updater; {@code sessionIds} as sealed. */
    record BatchRow(String id, String userId, String status, List<String> sessionIds) {
    }

    static Stored read(PostgresConnection sessionDb, PostgresConnection updaterDb, String userPrefix)
            throws SQLException {
        String like = userPrefix + "%";
        try (Connection s = open(sessionDb); Connection u = open(updaterDb)) {
            Map<String, SessionRow> sessions = new LinkedHashMap<>();
            query(s, "select id, user_id, ended_at is not null, published_at is not null, message_count from sessions"
                    + " where user_id like ? order by id", like, r -> sessions.put(r.getString(1),
                            new SessionRow(r.getString(1), r.getString(2), r.getBoolean(3), r.getBoolean(4), r.getInt(5))));
            Map<String, List<MessageRow>> messages = new LinkedHashMap<>();
            query(s, "select m.session_id, m.seq, m.role, m.content from messages m join sessions s on s.id = m.session_id"
                    + " where s.user_id like ? order by m.session_id, m.seq", like,
                    r -> messages.computeIfAbsent(r.getString(1), id -> new ArrayList<>())
                            .add(new MessageRow(r.getInt(2), r.getString(3), r.getString(4))));
            List<VersionRow> versions = new ArrayList<>();
            query(s, "select user_id, version, source, patch_id, source_session_ids::text from persona_history"
                    + " where user_id like ? order by user_id, version", like, r -> versions.add(new VersionRow(
                            r.getString(1), r.getLong(2), r.getString(3), r.getString(4), strings(r.getString(5)))));
            Map<String, Long> personaVersions = new LinkedHashMap<>();
            query(s, "select user_id, version from personas where user_id like ?", like,
                    r -> personaVersions.put(r.getString(1), r.getLong(2)));
            long[] rejected = new long[1];
            query(s, "select count(*) from rejected_patches where user_id like ?", like, r -> rejected[0] = r.getLong(1));
            Map<String, String> updaterSessions = new LinkedHashMap<>();
            query(u, "select session_id, batch_id::text from sessions where user_id like ? order by session_id", like,
                    r -> updaterSessions.put(r.getString(1), r.getString(2)));
            List<BatchRow> batches = new ArrayList<>();
            query(u, "select id::text, user_id, status, session_ids from optimizer_batches where user_id like ?"
                    + " order by user_id, created_at", like, r -> batches.add(new BatchRow(r.getString(1),
                            r.getString(2), r.getString(3), strings(r.getString(4)))));
            // processed patches no longer name their user (they outlive a deletion): each is the updater's batch id
            Map<String, String> userOfBatch = new LinkedHashMap<>();
            batches.forEach(batch -> userOfBatch.put(batch.id(), batch.userId()));
            List<PatchRow> patches = new ArrayList<>();
            query(s, "select patch_id, outcome, version from processed_patches where patch_id like ?"
                    + " order by processed_at", "%", r -> {
                        String userId = userOfBatch.get(r.getString(1));
                        if (userId != null) {
                            patches.add(new PatchRow(r.getString(1), userId, r.getString(2), (Long) r.getObject(3)));
                        }
                    });
            return new Stored(sessions, messages, versions, personaVersions, patches, rejected[0], updaterSessions,
                    batches);
        }
    }

    List<VersionRow> versionsOf(String userId) {
        return versions.stream().filter(v -> v.userId().equals(userId)).toList();
    }

    List<PatchRow> patchesOf(String userId) {
        return processedPatches.stream().filter(p -> p.userId().equals(userId)).toList();
    }

    List<BatchRow> batchesOf(String userId) {
        return batches.stream().filter(b -> b.userId().equals(userId)).toList();
    }

    List<SessionRow> sessionsOf(String userId) {
        return sessions.values().stream().filter(s -> s.userId().equals(userId)).toList();
    }

    List<MessageRow> messagesOf(String sessionId) {
        return messages.getOrDefault(sessionId, List.of());
    }

    /** Batches not finished yet: sealed, maybe optimized, not yet published. */
    long batchesInFlight() {
        return batches.stream().filter(b -> b.status().equals("READY") || b.status().equals("OPTIMIZED")).count();
    }

    String summary() {
        return String.format("%d sessions (%d ended, %d published), %d messages, %d versions, %d processed patches"
                + " (%d rejected), %d sessions at the updater, batches by status %s",
                sessions.size(), sessions.values().stream().filter(SessionRow::ended).count(),
                sessions.values().stream().filter(SessionRow::published).count(),
                messages.values().stream().mapToInt(List::size).sum(), versions.size(), processedPatches.size(),
                rejectedPatches, updaterSessions.size(),
                batches.stream().collect(Collectors.groupingBy(BatchRow::status, Collectors.counting())));
    }

    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private static void query(Connection c, String sql, String parameter, RowReader reader) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        }
    }

    private static Connection open(PostgresConnection db) throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
    }

    private static List<String> strings(String json) {
        try {
            return json == null ? List.of() : PersonaJson.mapper().readValue(json, new TypeReference<List<String>>() {
            });
        } catch (Exception e) {
            throw new IllegalStateException("not a list of strings: " + json, e);
        }
    }
}
