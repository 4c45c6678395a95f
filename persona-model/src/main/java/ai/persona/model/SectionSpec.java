package ai.persona.model;

import java.util.List;
import java.util.Optional;

/**
 * One section of the persona schema.
 *
 * @param allowNewFields whether fields beyond the declared ones may be added (open sections learn new facets of a user)
 * @param newFieldsTemporary whether such added fields may hold temporary values (FieldSpec#temporary)
 */
public record SectionSpec(String name, boolean allowNewFields, List<FieldSpec> fields, boolean newFieldsTemporary) {

    public SectionSpec(String name, boolean allowNewFields, List<FieldSpec> fields) {
        this(name, allowNewFields, fields, false);
    }

    public SectionSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a section needs a name");
        }
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    public Optional<FieldSpec> field(String fieldName) {
        return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
    }

    /** The spec a field is held to: its declaration, or the open-section default, or empty when not allowed. */
    public Optional<FieldSpec> specFor(String fieldName) {
        Optional<FieldSpec> declared = field(fieldName);
        if (declared.isPresent() || !allowNewFields) {
            return declared;
        }
        return Optional.of(FieldSpec.added(fieldName, newFieldsTemporary));
    }

    public int indexOf(String fieldName) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(fieldName)) {
                return i;
            }
        }
        return fields.size();
    }
}
