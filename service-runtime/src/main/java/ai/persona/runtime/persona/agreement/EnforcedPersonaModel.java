package ai.persona.runtime.persona.agreement;

import java.util.Set;

import ai.persona.model.PersonaModelFingerprint;
import ai.persona.model.PersonaModelFingerprint.Part;
import io.smallrye.mutiny.Uni;

/**
 * How a service reads the persona model session-service enforces ({@code GET /persona-model}, with the service's own
 * credential), and which parts of it the service relies on. The updater and the gateway each provide one; session-service,
 * which enforces the model, has none, and so checks nothing.
 */
public interface EnforcedPersonaModel {

    /** session-service's fingerprint; fails while it cannot be reached. */
    Uni<PersonaModelFingerprint> fingerprint();

    /** The parts a difference in which would make this service's work wrong. */
    Set<Part> reliedOn();
}
