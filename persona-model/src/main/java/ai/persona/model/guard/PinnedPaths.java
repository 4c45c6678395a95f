package ai.persona.model.guard;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonPointer;

import ai.persona.model.PatchOperation;
import ai.persona.model.PersonaPaths;
import ai.persona.model.PersonaSchema;
import ai.persona.model.SectionSpec;
import ai.persona.model.Violation;
import ai.persona.model.ViolationReason;

/**
 * The fields and sections a user pinned: JSON Pointers such as {@code /Demographics} (a whole section) or
 * {@code /Demographics/Name} (one field). The optimizer may not touch them; the user's own edits may.
 */
public final class PinnedPaths {

    private PinnedPaths() {
    }

    /** Why each pointer cannot be a pin: not a pointer, or not a section or field of the schema. Empty when all can. */
    public static List<String> problems(PersonaSchema schema, List<String> pointers) {
        List<String> problems = new ArrayList<>();
        for (String pointer : pointers) {
            List<String> segments = segments(pointer);
            if (segments == null || segments.isEmpty() || segments.size() > 2) {
                problems.add("'" + pointer + "' is not a pointer to a section (/Section) or a field (/Section/Field)");
                continue;
            }
            SectionSpec section = schema.section(segments.get(0)).orElse(null);
            if (section == null) {
                problems.add("'" + pointer + "': the schema has no section '" + segments.get(0) + "'");
            } else if (segments.size() == 2 && section.specFor(segments.get(1)).isEmpty()) {
                problems.add("'" + pointer + "': section '" + segments.get(0) + "' has no field '" + segments.get(1) + "'");
            }
        }
        return problems;
    }

    /** One violation per operation that changes a pinned field or a field of a pinned section. */
    public static List<Violation> touched(List<String> pins, List<PatchOperation> operations) {
        List<Violation> violations = new ArrayList<>();
        for (PatchOperation op : operations) {
            if (op.isGuard()) {
                continue;
            }
            pins.stream()
                    .filter(pin -> PersonaPaths.overlap(op.path(), pin))
                    .findFirst()
                    .ifPresent(pin -> violations.add(new Violation(ViolationReason.PINNED, op.path(),
                            "the user pinned " + pin + "; only they may change it")));
        }
        return violations;
    }

    private static List<String> segments(String pointer) {
        if (pointer == null || !pointer.startsWith("/")) {
            return null;
        }
        try {
            List<String> segments = new ArrayList<>();
            for (JsonPointer p = JsonPointer.compile(pointer); !p.matches(); p = p.tail()) {
                segments.add(p.getMatchingProperty());
            }
            return segments;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
