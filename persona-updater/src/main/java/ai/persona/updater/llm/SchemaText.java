package ai.persona.updater.llm;

import java.util.List;
import java.util.stream.Collectors;

import ai.persona.model.FieldSpec;
import ai.persona.model.PersonaSchema;
import ai.persona.model.SectionSpec;

/**
 * The persona schema as the optimizer reads it: one line per section with its fields and their types, which may hold a
 * temporary value (rule 9 of optimizer-system.txt), and the sections this deployment fixes marked as read-only, so the
 * model leaves them alone rather than be rejected for them.
 */
final class SchemaText {

    private SchemaText() {
    }

    static String of(PersonaSchema schema, List<String> fixedSections) {
        return schema.sections().stream()
                .map(section -> section(section, fixedSections.contains(section.name())))
                .collect(Collectors.joining("\n"));
    }

    private static String section(SectionSpec section, boolean fixed) {
        String fields = section.fields().stream()
                .map(SchemaText::field)
                .collect(Collectors.joining(", "));
        String kind = !section.allowNewFields() ? "fixed fields"
                : section.newFieldsTemporary() ? "open: new fields allowed, may be temporary" : "open: new fields allowed";
        return "- " + section.name() + " (" + kind + (fixed ? "; read-only: never change this section" : "") + "): "
                + fields;
    }

    private static String field(FieldSpec field) {
        String type = switch (field.type()) {
            case STRING -> "text";
            case NUMBER -> "number";
            case BOOLEAN -> "true/false";
            case STRING_LIST -> "list of texts";
            case ANY -> "text, number, true/false or list of texts";
        };
        return field.name() + " (" + type + (field.temporary() ? ", may be temporary" : "") + ")";
    }
}
