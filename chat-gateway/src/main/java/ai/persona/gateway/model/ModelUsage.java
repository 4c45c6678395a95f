package ai.persona.gateway.model;

/** Tokens the model counted for a reply; each null when the model did not report it. */
public record ModelUsage(Integer promptTokens, Integer completionTokens, Integer totalTokens) {
}
