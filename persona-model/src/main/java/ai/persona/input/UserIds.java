package ai.persona.input;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The one rule for what an id may contain, shared by every service so that they agree: user ids (a login provider's
 * subject), session ids, idempotency keys, event ids. Login providers issue many shapes ({@code auth0|5f7c8e}, e-mail
 * addresses with {@code +}, {@code José-Müller-東京}, SAML name ids with spaces such as {@code samlp|corp|CN=Ann Lee}), so
 * only what cannot be an id is refused: control characters (an id with a NUL cannot be stored, one with a newline forges
 * log lines), Unicode line and paragraph separators (newlines too, to many log viewers), lone surrogates (not text: they
 * would be stored as {@code ?}), a slash (an id travels as a path segment, and {@code %2F} there is decoded or refused by
 * many servers and proxies) and a space at either end (a copy-and-paste slip; spaces only would look empty).
 */
public final class UserIds {

    public static final int MAX_LENGTH = 200;

    private UserIds() {
    }

    /** Why {@code id} cannot be an id, as a phrase that follows its name ("sessionId " + problem); empty when it can. */
    public static Optional<String> problem(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.of("is required");
        }
        if (id.length() > MAX_LENGTH) {
            return Optional.of("is longer than " + MAX_LENGTH + " characters");
        }
        if (id.startsWith(" ") || id.endsWith(" ")) {
            return Optional.of("must not start or end with a space");
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c == '/') {
                return Optional.of("must not contain a slash");
            }
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                return Optional.of("must not contain control characters (found " + UserText.codePoint(c) + " at "
                        + i + ")");
            }
        }
        return UserText.loneSurrogate(id).map(at -> "must not contain a lone surrogate (at " + at + ")");
    }

    public static boolean valid(String id) {
        return problem(id).isEmpty();
    }

    /**
     * How a deleted user is remembered: the SHA-256 of the id, in hex, so that no row names them. One function for every
     * service, so a deletion is recognised by the same value wherever it is kept.
     */
    public static String hashed(String userId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(userId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
