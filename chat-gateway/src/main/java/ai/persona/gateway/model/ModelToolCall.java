package ai.persona.gateway.model;

/**
 * A function call the assistant made (in a reply, or in the conversation sent back).
 *
 * @param index only in stream chunks, where one call arrives over several of them; null otherwise
 * @param type "function", or null where a stream chunk leaves it out
 */
public record ModelToolCall(Integer index, String id, String type, String name, String arguments) {

    public static final String FUNCTION = "function";

    /** A call in the conversation sent to the model. */
    public static ModelToolCall function(String id, String name, String arguments) {
        return new ModelToolCall(null, id, FUNCTION, name, arguments);
    }
}
