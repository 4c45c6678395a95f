package ai.persona.updater.llm;

import ai.persona.events.TokenUsage;

/** A model's raw answer and what it cost. */
public record LlmReply(String text, TokenUsage usage) {
}
