package ai.persona.gateway.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import ai.persona.events.ChatMessage;
import ai.persona.events.MessageRole;

/**
 * The session an OpenAI client's conversation belongs to when it names none: OpenAI clients resend the whole
 * conversation each turn, and its beginning (the client's system message and first user message) stays the same, so a
 * hash of the user and that beginning finds the same session turn after turn. The user is part of the hash, so two
 * users never share a session however alike their conversations start.
 */
public final class SessionIds {

    static final String PREFIX = "oa-";
    static final String SCOPED_PREFIX = "xs-";
    static final String IDEMPOTENT_PREFIX = "ik-";

    private SessionIds() {
    }

    public static String derive(String userId, List<ChatMessage> conversation) {
        return hash(PREFIX, userId, first(conversation, MessageRole.SYSTEM), first(conversation, MessageRole.USER));
    }

    /** The user's own session for a session id the client named (X-Session-Id) that is not one of theirs. */
    public static String scoped(String userId, String clientId) {
        return hash(SCOPED_PREFIX, userId, clientId);
    }

    /** The session an Idempotency-Key names: the same key from the same user finds the same session. */
    public static String idempotent(String userId, String key) {
        return hash(IDEMPOTENT_PREFIX, userId, key);
    }

    // the parts are separated by a NUL, which no id or text may contain, so no two lists of parts hash alike; the
    // prefix tells the kinds apart
    private static String hash(String prefix, String... parts) {
        MessageDigest sha256 = sha256();
        for (String part : parts) {
            sha256.update(part.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
        }
        return prefix + HexFormat.of().formatHex(sha256.digest(), 0, 16);
    }

    private static String first(List<ChatMessage> conversation, MessageRole role) {
        return conversation.stream()
                .filter(message -> message.role() == role && message.content() != null)
                .map(ChatMessage::content)
                .findFirst()
                .orElse("");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
