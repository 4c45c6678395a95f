package ai.persona.gateway.model;

import java.util.List;

/** One chunk of a streamed reply: its choices' messages are deltas; usage, if asked for, comes in a last chunk. */
public record ModelChunk(String id, Long created, String model, List<ModelChoice> choices, ModelUsage usage)
        implements ModelOutput {
}
