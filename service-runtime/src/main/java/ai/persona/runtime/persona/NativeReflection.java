package ai.persona.runtime.persona;

import ai.persona.model.ConversationLimits;
import ai.persona.model.FieldSpec;
import ai.persona.model.PersonaLimits;
import ai.persona.model.PersonaModelFingerprint;
import ai.persona.model.PersonaSchema;
import ai.persona.model.SectionSpec;
import ai.persona.model.Violation;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Records of persona-model that Jackson reads or writes in the services without an annotation of their own (the persona
 * schema configuration, the fingerprint session-service serves, patch violations stored as JSON), registered for a
 * native image. The event records carry {@code @RegisterForReflection} themselves; each service's own DTOs too.
 */
@RegisterForReflection(targets = { PersonaSchema.class, SectionSpec.class, FieldSpec.class, Violation.class,
        PersonaModelFingerprint.class, PersonaLimits.class, ConversationLimits.class })
final class NativeReflection {

    private NativeReflection() {
    }
}
