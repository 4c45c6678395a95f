package ai.persona.events;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Tokens an LLM call consumed, as the endpoint reported them. */
@RegisterForReflection
public record TokenUsage(int inputTokens, int outputTokens, int calls) {

    public static final TokenUsage NONE = new TokenUsage(0, 0, 0);

    public TokenUsage plus(TokenUsage other) {
        return new TokenUsage(inputTokens + other.inputTokens, outputTokens + other.outputTokens, calls + other.calls);
    }
}
