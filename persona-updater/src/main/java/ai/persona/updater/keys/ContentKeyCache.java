package ai.persona.updater.keys;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;

import ai.persona.crypto.ContentKey;
import io.smallrye.mutiny.Uni;

/**
 * The users' content keys this instance opens completions with, fetched from session-service once per user and key,
 * not per record (and seals patches with, fetched afresh: {@link #current}). A key that does not match a record's key
 * id is fetched again once: a user who came back has a new key, and a record under the old one stays unopenable. A
 * deletion (the FORGOTTEN marker or the tombstone) forgets the key at once.
 */
@ApplicationScoped
public class ContentKeyCache {

    // short: a deletion that this instance did not see (a lost marker) stops opening the user's records within it
    static final Duration EXPIRY = Duration.ofMinutes(10);
    static final long MAX_USERS = 100_000;

    private final ContentKeyClient client;
    private final AsyncCache<String, Optional<ContentKey>> keys = Caffeine.newBuilder()
            .maximumSize(MAX_USERS)
            .expireAfterWrite(EXPIRY)
            .buildAsync();

    public ContentKeyCache(@RestClient ContentKeyClient client) {
        this.client = client;
    }

    /** The key {@code keyId} of the user, or empty when it no longer exists (the user was deleted). */
    public Uni<Optional<ContentKey>> key(String userId, String keyId) {
        return cached(userId)
                .chain(key -> matches(key, keyId) ? Uni.createFrom().item(key)
                        : Uni.createFrom().deferred(() -> {
                            keys.synchronous().invalidate(userId);
                            return cached(userId);
                        }))
                .map(key -> matches(key, keyId) ? key : Optional.<ContentKey>empty());
    }

    /**
     * The user's key as session-service has it now, or empty when it no longer exists, to seal with: fetched afresh
     * rather than cached, as a key cached before a deletion this instance did not see would seal what session-service
     * can no longer open. Sealing is once per patch, next to a model call, so the request costs nothing that counts.
     */
    public Uni<Optional<ContentKey>> current(String userId) {
        return Uni.createFrom().deferred(() -> {
            keys.synchronous().invalidate(userId);
            return cached(userId);
        });
    }

    public void forget(String userId) {
        keys.synchronous().invalidate(userId);
    }

    private Uni<Optional<ContentKey>> cached(String userId) {
        return Uni.createFrom().completionStage(() -> keys.get(userId, (id, executor) -> client.existing(id)
                .map(Optional::of)
                .onFailure(ContentKeyCache::destroyed).recoverWithItem(Optional.empty())
                .subscribeAsCompletionStage()));
    }

    private static boolean matches(Optional<ContentKey> key, String keyId) {
        return key.isPresent() && key.get().keyId().equals(keyId);
    }

    private static boolean destroyed(Throwable failure) {
        return failure instanceof WebApplicationException e && e.getResponse().getStatus() == 404;
    }
}
