package ai.persona.model;

import java.util.List;

/**
 * A persona rendered for a prompt.
 *
 * @param text the block to put in the system prompt; empty when nothing fits or nothing is known
 * @param tokens its size in tokens
 * @param droppedPaths fields left out to fit the budget, in the order they were dropped
 */
public record RenderedPersona(String text, int tokens, List<String> droppedPaths) {

    public boolean isEmpty() {
        return text.isEmpty();
    }
}
