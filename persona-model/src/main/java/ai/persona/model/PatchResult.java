package ai.persona.model;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The persona a patch leads to, or why it cannot be applied. Never both. */
public record PatchResult(ObjectNode persona, List<Violation> violations) {

    public static PatchResult applied(ObjectNode persona) {
        return new PatchResult(persona, List.of());
    }

    public static PatchResult rejected(List<Violation> violations) {
        return new PatchResult(null, List.copyOf(violations));
    }

    public boolean isApplied() {
        return violations.isEmpty();
    }
}
