package ai.persona.updater.llm;

import java.util.List;

/** The model's answer read as changes; {@code problems} says why it could not be read, when it could not. */
public record ParsedAnswer(List<ProposedChange> changes, List<String> problems) {

    public ParsedAnswer {
        changes = List.copyOf(changes);
        problems = List.copyOf(problems);
    }

    public boolean isReadable() {
        return problems.isEmpty();
    }
}
