package ai.persona.session.keys;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import ai.persona.crypto.ContentKey;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The users' content keys (table {@code content_keys}): made on first need, served to the services that seal or open the
 * user's content, deleted with the user ({@link ai.persona.session.service.UserService}).
 */
@ApplicationScoped
public class ContentKeys {

    private final Pool pool;

    public ContentKeys(Pool pool) {
        this.pool = pool;
    }

    /** The user's key, or null when they have none (never recorded, or deleted since). */
    public Uni<ContentKey> find(String userId) {
        return pool.preparedQuery("select key_id, key from content_keys where user_id = $1")
                .execute(Tuple.of(userId))
                .map(rows -> rows.size() == 0 ? null : key(rows.iterator().next()));
    }

    /** The user's key, made now when they have none; concurrent callers get the same one. */
    public Uni<ContentKey> current(String userId) {
        return current(pool, userId);
    }

    public Uni<ContentKey> current(SqlClient client, String userId) {
        ContentKey fresh = ContentKey.generate();
        // "do update" with no change, so the row comes back whichever call inserted it
        return client.preparedQuery("insert into content_keys (user_id, key_id, key, created_at) values ($1, $2, $3, $4)"
                + " on conflict (user_id) do update set user_id = excluded.user_id returning key_id, key")
                .execute(Tuple.of(userId, fresh.keyId(), fresh.key(), Instant.now().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC)))
                .map(rows -> key(rows.iterator().next()));
    }

    /**
     * The key of a user who still exists, made now when they have none; null when the user is gone. The user's row is
     * locked (key share) until the caller's transaction ends, so a deletion running meanwhile waits and then destroys
     * the key made here too, rather than leaving it behind.
     */
    public Uni<ContentKey> currentOfExisting(SqlClient client, String userId) {
        ContentKey fresh = ContentKey.generate();
        return client.preparedQuery("with existing as (select id from users where id = $1 for key share)"
                + " insert into content_keys (user_id, key_id, key, created_at) select id, $2::text, $3::text, $4::timestamptz from existing"
                + " on conflict (user_id) do update set user_id = excluded.user_id returning key_id, key")
                .execute(Tuple.of(userId, fresh.keyId(), fresh.key(),
                        Instant.now().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC)))
                .map(rows -> rows.size() == 0 ? null : key(rows.iterator().next()));
    }

    /** A key with the user it is of. */
    public record Owned(String userId, ContentKey key) {
    }

    /** The key {@code keyId} and whose it is, or null once destroyed. */
    public Uni<Owned> byId(String keyId) {
        return pool.preparedQuery("select user_id, key_id, key from content_keys where key_id = $1")
                .execute(Tuple.of(keyId))
                .map(rows -> rows.size() == 0 ? null : owned(rows.iterator().next()));
    }

    private static Owned owned(Row row) {
        return new Owned(row.getString("user_id"), key(row));
    }

    /** The keys that still exist among {@code keyIds}, by id; a destroyed key is simply absent. */
    public Uni<Map<String, ContentKey>> byIds(Collection<String> keyIds) {
        if (keyIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return pool.preparedQuery("select key_id, key from content_keys where key_id = any($1)")
                .execute(Tuple.of(keyIds.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, ContentKey> found = new HashMap<>();
                    rows.forEach(row -> found.put(row.getString("key_id"), key(row)));
                    return found;
                });
    }

    private static ContentKey key(Row row) {
        return new ContentKey(row.getString("key_id"), row.getString("key"));
    }
}
