package ai.persona.crypto;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One user's content key: a random AES-256 key and its id. session-service creates one when a user is first recorded
 * and destroys it with the user; a user who comes back gets a new key with a new id, so nothing sealed under the old
 * one opens again (crypto-shredding: docs/events.md, "What stays in Kafka after a deletion").
 *
 * @param keyId names the key in every sealed value ({@link SealedContent#keyId()}); random, says nothing of the user
 * @param key the 32 key bytes, base64 (as the key endpoint serves it)
 */
@RegisterForReflection
public record ContentKey(String keyId, String key) {

    static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    public ContentKey {
        if (keyId == null || keyId.isBlank()) {
            throw new IllegalArgumentException("a content key needs an id");
        }
        if (key == null || Base64.getDecoder().decode(key).length != KEY_BYTES) {
            throw new IllegalArgumentException("a content key is " + KEY_BYTES + " bytes, base64");
        }
    }

    public static ContentKey generate() {
        byte[] bytes = new byte[KEY_BYTES];
        RANDOM.nextBytes(bytes);
        return new ContentKey(UUID.randomUUID().toString(), Base64.getEncoder().encodeToString(bytes));
    }

    byte[] bytes() {
        return Base64.getDecoder().decode(key);
    }

    /** Never the key itself: records print into logs. */
    @Override
    public String toString() {
        return "ContentKey[" + keyId + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ContentKey that && keyId.equals(that.keyId)
                && Arrays.equals(bytes(), that.bytes());
    }

    @Override
    public int hashCode() {
        return keyId.hashCode();
    }
}
