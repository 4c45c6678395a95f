package ai.persona.updater.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

import com.fasterxml.jackson.databind.ObjectMapper;

import ai.persona.crypto.ContentKey;
import ai.persona.events.PersonaPatchProposed;
import ai.persona.model.PersonaJson;

/**
 * The users' content keys as session-service serves them beside the updater's tests ({@link SessionServiceKeysResource}):
 * derived from the user id, so a test opens what the updater sealed without asking anyone. A user whose id starts with
 * {@link #DELETED} has none, as after their deletion.
 */
public final class TestContentKeys {

    /** Users whose key is gone (404), as after their deletion. */
    public static final String DELETED = "deleted-";

    private TestContentKeys() {
    }

    /** The key of the user; null for a deleted one. */
    public static ContentKey of(String userId) {
        if (userId.startsWith(DELETED)) {
            return null;
        }
        byte[] key = sha256("content-key\n" + userId);
        return new ContentKey("test-" + HexFormat.of().formatHex(sha256("key-id\n" + userId), 0, 8),
                Base64.getEncoder().encodeToString(key));
    }

    /** A published proposal, opened with its user's key. */
    public static PersonaPatchProposed opened(String json) throws Exception {
        ObjectMapper mapper = PersonaJson.mapper();
        PersonaPatchProposed sealed = mapper.readValue(json, PersonaPatchProposed.class);
        if (sealed.sealedPatch() == null) {
            throw new AssertionError("the proposal on the topic is not sealed: " + json);
        }
        return sealed.opened(of(sealed.patch().userId()));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
