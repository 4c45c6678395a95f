package ai.persona.gateway.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import ai.persona.events.ChatMessage;
import ai.persona.events.MessageRole;

/**
 * The session an OpenAI client's conversation belongs to when it names none: OpenAI clients resend the whole
 * conversation each turn, and its beginning (the client's system message and first user message) stays the same, so a
 * hash of the user and that beginning finds the same session turn after turn. The user is part of the hash, so two
 * users never share a session however alike their conversations start. Two chats of one user may open alike too (the
 * same system prompt, "hello"): they part at the first reply, so once a conversation holds one, it is also known by
 * {@link #replied}, the beginning with that reply (see ConversationTracker).
 */
public final class SessionIds {

    static final String PREFIX = "oa-";
    static final String SCOPED_PREFIX = "xs-";
    static final String IDEMPOTENT_PREFIX = "ik-";
    static final String TURN_PREFIX = "it-";

    private SessionIds() {
    }

    public static String derive(String userId, List<ChatMessage> conversation) {
        return hash(PREFIX, userId, first(conversation, MessageRole.SYSTEM), first(conversation, MessageRole.USER));
    }

    /** The conversation's id with its first reply to the first user message; empty while it has none. */
    public static Optional<String> replied(String userId, List<ChatMessage> conversation) {
        return firstReply(conversation).map(reply -> hash(PREFIX, userId, first(conversation, MessageRole.SYSTEM),
                first(conversation, MessageRole.USER), fingerprint(reply)));
    }

    /** The first assistant message after the first user message (a greeting ahead of it is not a reply). */
    public static Optional<ChatMessage> firstReply(List<ChatMessage> conversation) {
        boolean asked = false;
        for (ChatMessage message : conversation) {
            if (asked && message.role() == MessageRole.ASSISTANT) {
                return Optional.of(message);
            }
            asked |= message.role() == MessageRole.USER && message.content() != null;
        }
        return Optional.empty();
    }

    /** What tells two replies apart: the text, or for a reply of tool calls only, the calls. */
    public static String fingerprint(ChatMessage reply) {
        if (reply.content() != null) {
            return reply.content();
        }
        StringBuilder calls = new StringBuilder();
        reply.toolCalls().forEach(call -> calls.append(call.id()).append(' ').append(call.name()).append(' ')
                .append(call.arguments()).append('\n'));
        return calls.toString();
    }

    /** The user's own session for a session id the client named (X-Session-Id) that is not one of theirs. */
    public static String scoped(String userId, String clientId) {
        return hash(SCOPED_PREFIX, userId, clientId);
    }

    /** The session an Idempotency-Key names: the same key from the same user finds the same session. */
    public static String idempotent(String userId, String key) {
        return hash(IDEMPOTENT_PREFIX, userId, key);
    }

    /**
     * The event id of a native turn sent with an Idempotency-Key: the same key from the same user in the same session
     * names the same event, which session-service stores once (it de-duplicates by event id), from any gateway
     * instance.
     */
    public static String turn(String userId, String sessionId, String key) {
        return hash(TURN_PREFIX, userId, sessionId, key);
    }

    // the parts are separated by a NUL, which no id or text may contain, so no two lists of parts hash alike; the
    // prefix tells the kinds apart
    static String hash(String prefix, String... parts) {
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
