package ai.persona.gateway.client;

import java.util.EnumSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import ai.persona.model.PersonaModelFingerprint;
import ai.persona.model.PersonaModelFingerprint.Part;
import ai.persona.runtime.persona.agreement.EnforcedPersonaModel;
import io.smallrye.mutiny.Uni;

/**
 * The gateway relies on session-service's schema, which it renders personas by, and on its conversation limits, which
 * it checks a turn against before it asks the model (a turn session-service then refused would be a reply never
 * learned from). It never checks a patch, so the optimizer's limits and the sensitive-data categories are
 * session-service's and the updater's affair.
 */
@ApplicationScoped
public class SessionServicePersonaModel implements EnforcedPersonaModel {

    private final SessionServiceClient sessionService;

    public SessionServicePersonaModel(@RestClient SessionServiceClient sessionService) {
        this.sessionService = sessionService;
    }

    @Override
    public Uni<PersonaModelFingerprint> fingerprint() {
        return sessionService.personaModel();
    }

    @Override
    public Set<Part> reliedOn() {
        return EnumSet.of(Part.SCHEMA, Part.CONVERSATION_LIMITS);
    }
}
