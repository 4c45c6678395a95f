package ai.persona.updater.llm;

import java.util.stream.Collectors;

import ai.persona.model.FieldSpec;
import ai.persona.model.PersonaSchema;
import ai.persona.model.SectionSpec;

/**
 * The persona schema as the optimizer reads it: one line per section with its fields and their types, and which may hold
 * a temporary value (rule 9 of optimizer-system.txt).
 */
final class SchemaText {

    private SchemaText() {
    }

    static String of(PersonaSchema schema) {
        return schema.sections().stream()
                .map(SchemaText::section)
                .collect(Collectors.joining("\n"));
    }

    private static String section(SectionSpec section) {
        String fields = section.fields().stream()
                .map(SchemaText::field)
                .collect(Collectors.joining(", "));
        String kind = !section.allowNewFields() ? "fixed fields"
                : section.newFieldsTemporary() ? "open: new fields allowed, may be temporary" : "open: new fields allowed";
        return "- " + section.name() + " (" + kind + "): " + fields;
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
