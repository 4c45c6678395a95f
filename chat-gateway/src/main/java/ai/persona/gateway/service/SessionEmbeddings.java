package ai.persona.gateway.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** The embeddings of a user's ended sessions, in the gateway's own database: each computed once. */
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
        // two turns embedding the same session at once store one row; both computed the same vector
        return db.preparedQuery("insert into session_embeddings (user_id, session_id, embedding, created_at) "
                + "values ($1, $2, $3, $4) on conflict do nothing")
                .execute(Tuple.of(userId, sessionId, boxed, OffsetDateTime.now(ZoneOffset.UTC)))
                .replaceWithVoid();
    }

    public Uni<List<String>> sessionIds(String userId) {
        return db.preparedQuery("select session_id from session_embeddings where user_id = $1 order by session_id")
                .execute(Tuple.of(userId))
                .map(rows -> {
                    List<String> ids = new java.util.ArrayList<>();
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
