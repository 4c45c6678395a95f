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

    private SessionIds() {
    }

    public static String derive(String userId, List<ChatMessage> conversation) {
        String system = first(conversation, MessageRole.SYSTEM);
        String user = first(conversation, MessageRole.USER);
        MessageDigest sha256 = sha256();
        for (String part : new String[] { userId, system, user }) {
            sha256.update(part.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
        }
        return PREFIX + HexFormat.of().formatHex(sha256.digest(), 0, 16);
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
