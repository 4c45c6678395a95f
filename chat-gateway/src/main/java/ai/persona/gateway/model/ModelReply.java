package ai.persona.gateway.model;

import java.util.List;

/** The model's whole reply. */
public record ModelReply(String id, Long created, String model, List<ModelChoice> choices, ModelUsage usage)
        implements ModelOutput {
}
