package ai.persona.gateway.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;

import ai.persona.gateway.config.GatewayConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Per-user settings in the gateway's own database, read on every turn and therefore served from memory: a user's first
 * turn reads the row, later turns get the cached value while it is refreshed in the background after the time to live.
 * A change made through this instance shows at once, one made through another instance after the time to live.
 */
@ApplicationScoped
public class SettingsService {

    private final Pool db;
    private final AsyncLoadingCache<String, UserSettings> cache;

    public SettingsService(Pool db, GatewayConfig config) {
        this.db = db;
        this.cache = Caffeine.newBuilder()
                .maximumSize(config.settings().cacheSize())
                .refreshAfterWrite(config.settings().cacheTtl())
                .buildAsync((userId, executor) -> read(userId).subscribeAsCompletionStage());
    }

    public Uni<UserSettings> get(String userId) {
        return Uni.createFrom().completionStage(cache.get(userId));
    }

    public Uni<UserSettings> put(String userId, UserSettings settings) {
        return db.preparedQuery("insert into user_settings (user_id, personalization, retrieval, updated_at) "
                + "values ($1, $2, $3, $4) on conflict (user_id) do update set personalization = excluded.personalization, "
                + "retrieval = excluded.retrieval, updated_at = excluded.updated_at")
                .execute(Tuple.of(userId, settings.personalization(), settings.retrieval().id(),
                        OffsetDateTime.now(ZoneOffset.UTC)))
                .replaceWith(settings)
                .invoke(saved -> cache.put(userId, CompletableFuture.completedFuture(saved)));
    }

    /** Part of deleting a user: the gateway forgets what it kept about them too. */
    public Uni<Void> delete(String userId) {
        return db.preparedQuery("delete from user_settings where user_id = $1")
                .execute(Tuple.of(userId))
                .invoke(() -> cache.synchronous().invalidate(userId))
                .replaceWithVoid();
    }

    private Uni<UserSettings> read(String userId) {
        return db.preparedQuery("select personalization, retrieval from user_settings where user_id = $1")
                .execute(Tuple.of(userId))
                .map(SettingsService::settings);
    }

    private static UserSettings settings(RowSet<Row> rows) {
        if (rows.size() == 0) {
            return UserSettings.DEFAULTS;
        }
        Row row = rows.iterator().next();
        return new UserSettings(row.getBoolean("personalization"),
                Retrieval.of(row.getString("retrieval")).orElse(Retrieval.NONE));
    }
}
