package ai.persona.runtime.persona.agreement;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while the persona model is not yet confirmed to be session-service's ({@link PersonaModelAgreement}). */
@Readiness
@ApplicationScoped
public class PersonaModelReadiness implements HealthCheck {

    static final String NAME = "Persona model agrees with session-service";

    private final PersonaModelAgreement agreement;

    public PersonaModelReadiness(PersonaModelAgreement agreement) {
        this.agreement = agreement;
    }

    @Override
    public HealthCheckResponse call() {
        PersonaModelAgreement.State state = agreement.state();
        boolean ready = state == PersonaModelAgreement.State.AGREED || state == PersonaModelAgreement.State.NOT_CHECKED;
        return HealthCheckResponse.named(NAME).status(ready).withData("state", state.name()).build();
    }
}
