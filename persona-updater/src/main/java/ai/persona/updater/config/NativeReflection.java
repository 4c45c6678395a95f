package ai.persona.updater.config;

import ai.persona.model.FieldSpec;
import ai.persona.model.PersonaSchema;
import ai.persona.model.SectionSpec;
import ai.persona.model.Violation;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Records of persona-model that Jackson reads or writes here without an annotation of their own (the persona schema
 * configuration, patch violations stored as JSON), registered for a native image. The event records carry
 * {@code @RegisterForReflection} themselves; this service's own DTOs too.
 */
@RegisterForReflection(targets = { PersonaSchema.class, SectionSpec.class, FieldSpec.class, Violation.class })
final class NativeReflection {

    private NativeReflection() {
    }
}
