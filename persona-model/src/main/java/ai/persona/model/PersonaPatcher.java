package ai.persona.model;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.flipkart.zjsonpatch.CompatibilityFlags;
import com.flipkart.zjsonpatch.DiffFlags;
import com.flipkart.zjsonpatch.JsonDiff;
import com.flipkart.zjsonpatch.JsonPatch;
import com.flipkart.zjsonpatch.JsonPatchApplicationException;

/** Applies patches all-or-nothing and computes the patch between two personas. */
public final class PersonaPatcher {

    // RFC 6902 makes removing a missing member an error; the library tolerates it unless told otherwise.
    private static final EnumSet<CompatibilityFlags> RFC_6902 = EnumSet.of(CompatibilityFlags.FORBID_REMOVE_MISSING_OBJECT);

    private final PersonaValidator validator;
    private final boolean mayEmpty;

    /** A patcher for model output: a patch that would remove every field is rejected. */
    public PersonaPatcher(PersonaValidator validator) {
        this(validator, false);
    }

    /**
     * @param mayEmpty whether a patch may remove every field (a person clearing their own persona may; a model may not)
     */
    public PersonaPatcher(PersonaValidator validator, boolean mayEmpty) {
        this.validator = validator;
        this.mayEmpty = mayEmpty;
    }

    public PersonaValidator validator() {
        return validator;
    }

    /** The patched persona, valid under the schema and limits; the input is never modified. */
    public PatchResult apply(JsonNode persona, List<PatchOperation> operations) {
        List<Violation> violations = new ArrayList<>(validator.validateOperations(operations));
        if (!violations.isEmpty()) {
            return PatchResult.rejected(violations);
        }
        JsonNode patched;
        try {
            patched = JsonPatch.apply(PersonaPatch.toJsonPatch(operations), withSectionsFor(persona, operations),
                    RFC_6902);
        } catch (JsonPatchApplicationException e) {
            String path = e.getPath() == null ? "" : e.getPath().toString();
            return PatchResult.rejected(List.of(new Violation(ViolationReason.NOT_APPLICABLE, path, e.getMessage())));
        }
        violations.addAll(validator.validatePersona(patched));
        if (!mayEmpty && fieldCount(persona) > 0 && fieldCount(patched) == 0) {
            violations.add(new Violation(ViolationReason.EMPTIES_PERSONA, "", "the patch would remove every field"));
        }
        return violations.isEmpty() ? PatchResult.applied((ObjectNode) patched) : PatchResult.rejected(violations);
    }

    /**
     * Sections are implicit in the schema, so adding a section's first field must not fail because the section object is
     * missing (an empty persona has none): create the sections that add operations name.
     */
    private static JsonNode withSectionsFor(JsonNode persona, List<PatchOperation> operations) {
        ObjectNode copy = persona.deepCopy();
        for (PatchOperation op : operations) {
            List<String> segments = PersonaValidator.segments(op.path());
            if ("add".equals(op.op()) && segments != null && segments.size() == 2 && !copy.has(segments.get(0))) {
                copy.putObject(segments.get(0));
            }
        }
        return copy;
    }

    /** The JSON Patch that turns {@code from} into {@code to}, using replace rather than move/copy for readability. */
    public static ArrayNode diff(JsonNode from, JsonNode to) {
        return (ArrayNode) JsonDiff.asJson(from, to, DiffFlags.dontNormalizeOpIntoMoveAndCopy());
    }

    public static int fieldCount(JsonNode persona) {
        int count = 0;
        if (persona != null) {
            for (JsonNode section : persona) {
                count += section.size();
            }
        }
        return count;
    }
}
