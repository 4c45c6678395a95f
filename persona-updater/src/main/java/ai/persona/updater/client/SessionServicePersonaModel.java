package ai.persona.updater.client;

import java.util.EnumSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import ai.persona.model.PersonaModelFingerprint;
import ai.persona.model.PersonaModelFingerprint.Part;
import ai.persona.runtime.persona.agreement.EnforcedPersonaModel;
import io.smallrye.mutiny.Uni;

/**
 * The updater relies on every part of session-service's persona model that decides a patch: its optimizer is told the
 * schema and the sensitive-data categories, and its guardrails hold each answer to the limits, before session-service
 * checks the patch again against its own. The conversation limits are the gateway's and session-service's: the updater
 * reads conversations already held to them.
 */
@ApplicationScoped
public class SessionServicePersonaModel implements EnforcedPersonaModel {

    private final PersonaModelClient client;

    public SessionServicePersonaModel(@RestClient PersonaModelClient client) {
        this.client = client;
    }

    @Override
    public Uni<PersonaModelFingerprint> fingerprint() {
        return client.fingerprint();
    }

    @Override
    public Set<Part> reliedOn() {
        return EnumSet.of(Part.SCHEMA, Part.OPTIMIZER_LIMITS, Part.SENSITIVE_DATA);
    }
}
