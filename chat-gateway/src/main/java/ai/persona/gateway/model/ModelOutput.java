package ai.persona.gateway.model;

import java.util.List;

/** What the model sends back: a whole reply, or one chunk of a streamed one; any member may be null. */
public sealed interface ModelOutput permits ModelReply, ModelChunk {

    String id();

    Long created();

    String model();

    List<ModelChoice> choices();

    ModelUsage usage();

    /** The first choice's message (or delta), if there is one. */
    default ModelMessage firstMessage() {
        return choices() == null || choices().isEmpty() ? null : choices().get(0).message();
    }

    /** The first choice's text, "" when it has none. */
    default String firstText() {
        ModelMessage message = firstMessage();
        return message == null || message.text() == null ? "" : message.text();
    }
}
