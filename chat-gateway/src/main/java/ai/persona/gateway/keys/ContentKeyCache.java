package ai.persona.gateway.keys;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.github.benmanes.caffeine.cache.AsyncCacheLoader;
import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;

import ai.persona.crypto.ContentKey;
import io.smallrye.mutiny.Uni;

/**
 * The users' content keys this instance seals turns with, fetched from session-service once per user, not per turn. A
 * key in use is refreshed in the background every {@link #REFRESH}: a refresh that finds the key destroyed (another
 * instance deleted the user) drops it; one that cannot reach session-service keeps the key, so turns of a user whose key
 * is held go on while session-service is down. A deletion, here or by tombstone, forgets the key at once
 * ({@link ai.persona.gateway.service.UserMemory}).
 */
@ApplicationScoped
public class ContentKeyCache {

    static final Duration REFRESH = Duration.ofMinutes(1);
    // a user not heard from for this long is fetched again on their next turn
    static final Duration IDLE = Duration.ofMinutes(30);
    static final long MAX_USERS = 100_000;

    private final AsyncLoadingCache<String, ContentKey> keys;

    public ContentKeyCache(@RestClient ContentKeyClient client) {
        this.keys = Caffeine.newBuilder()
                .maximumSize(MAX_USERS)
                .expireAfterAccess(IDLE)
                .refreshAfterWrite(REFRESH)
                .buildAsync(new AsyncCacheLoader<String, ContentKey>() {
                    @Override
                    public CompletableFuture<ContentKey> asyncLoad(String userId, Executor executor) {
                        return client.current(userId).subscribeAsCompletionStage();
                    }

                    // never makes a key: after a deletion the user's next turn does, through asyncLoad
                    @Override
                    public CompletableFuture<ContentKey> asyncReload(String userId, ContentKey old, Executor executor) {
                        return client.existing(userId)
                                .onFailure(ContentKeyCache::destroyed).recoverWithNull()
                                .subscribeAsCompletionStage();
                    }
                });
    }

    /** The user's key, from memory, or from session-service (made there if the user has none yet). */
    public Uni<ContentKey> of(String userId) {
        return Uni.createFrom().completionStage(() -> keys.get(userId));
    }

    public void forget(String userId) {
        keys.synchronous().invalidate(userId);
    }

    private static boolean destroyed(Throwable failure) {
        return failure instanceof WebApplicationException e && e.getResponse().getStatus() == 404;
    }
}
