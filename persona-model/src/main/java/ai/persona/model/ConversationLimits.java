package ai.persona.model;

/**
 * How much one conversation may hold, as the gateway checks a turn before it asks the model and session-service checks
 * it again before it stores it. The two must agree: a message the gateway answered but session-service refused would
 * be a reply the user saw and the persona never learns from.
 *
 * @param maxMessagesPerSession most messages one session holds
 * @param maxMessageChars longest message content (and tool call arguments), in characters
 */
public record ConversationLimits(int maxMessagesPerSession, int maxMessageChars) {

    /** The limits unless configured otherwise ({@code persona.conversations.*}), the one home of these defaults. */
    public static ConversationLimits defaults() {
        return new ConversationLimits(500, 32000);
    }

    public ConversationLimits {
        if (maxMessagesPerSession < 2 || maxMessageChars <= 0) {
            throw new IllegalArgumentException("a conversation must hold at least a message and its reply");
        }
    }
}
