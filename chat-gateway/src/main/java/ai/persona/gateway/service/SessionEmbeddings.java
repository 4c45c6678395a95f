package ai.persona.gateway.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The embeddings of a user's ended sessions, in the gateway's own database: each computed once per embedding model (a
 * vector of another model's size is replaced). An empty vector marks a session with nothing to embed (no message from
 * the user).
 */
@ApplicationScoped
public class SessionEmbeddings {

    private final Pool db;

    public SessionEmbeddings(Pool db) {
        this.db = db;
    }

    public Uni<Map<String, float[]>> of(String userId) {
        return db.preparedQuery("select session_id, embedding from session_embeddings where user_id = $1")
                .execute(Tuple.of(userId))
                .map(rows -> {
                    Map<String, float[]> vectors = new HashMap<>();
                    for (Row row : rows) {
                        vectors.put(row.getString("session_id"), floats(row.getArrayOfFloats("embedding")));
                    }
                    return vectors;
                });
    }

    public Uni<Void> store(String userId, String sessionId, float[] vector) {
        Float[] boxed = new Float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            boxed[i] = vector[i];
        }
        // Only while the user has retrieval on: a turn still embedding when the user is deleted (settings go first)
        // or switches retrieval off stores nothing. Two turns embedding one session at once store one row; a vector
        // of the model the deployment used before is replaced.
        return db.preparedQuery("insert into session_embeddings (user_id, session_id, embedding, created_at) "
                + "select $1::text, $2::text, $3::real[], $4::timestamptz where exists (select 1 from user_settings "
                + "where user_id = $1 and retrieval = 'similar-session') on conflict (user_id, session_id) do update "
                + "set embedding = excluded.embedding, created_at = excluded.created_at "
                + "where cardinality(session_embeddings.embedding) <> cardinality(excluded.embedding)")
                .execute(Tuple.of(userId, sessionId, boxed, OffsetDateTime.now(ZoneOffset.UTC)))
                .replaceWithVoid();
    }

    public Uni<List<String>> sessionIds(String userId) {
        return db.preparedQuery("select session_id from session_embeddings where user_id = $1 order by session_id")
                .execute(Tuple.of(userId))
                .map(rows -> {
                    List<String> ids = new ArrayList<>();
                    rows.forEach(row -> ids.add(row.getString("session_id")));
                    return ids;
                });
    }

    /** Part of deleting a user. */
    public Uni<Void> delete(String userId) {
        return db.preparedQuery("delete from session_embeddings where user_id = $1")
                .execute(Tuple.of(userId))
                .replaceWithVoid();
    }

    private static float[] floats(Float[] boxed) {
        float[] vector = new float[boxed.length];
        for (int i = 0; i < boxed.length; i++) {
            vector[i] = boxed[i];
        }
        return vector;
    }
}
