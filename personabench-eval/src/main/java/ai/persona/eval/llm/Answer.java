package ai.persona.eval.llm;

/** A model's reply text and what it cost. */
public record Answer(String text, Usage usage) {
}
