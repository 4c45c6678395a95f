package ai.persona.events;

/**
 * Who said a message. Only {@link #USER} messages are evidence about the user; the optimizer treats the rest as context.
 */
public enum MessageRole {
    SYSTEM,
    USER,
    ASSISTANT,
    TOOL
}
