package ai.persona.runtime.persona.agreement;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import ai.persona.model.PersonaModelFingerprint;
import ai.persona.model.PersonaModelFingerprint.Difference;
import ai.persona.runtime.persona.PersonaModelConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

/**
 * Checks once, right after start-up, that this service's persona model is the one session-service enforces: a service
 * whose schema or limits differ would propose patches session-service parks, or render personas by another schema.
 * Start-up does not wait for it: the check runs in the background, the service reports not ready until it passes
 * ({@link PersonaModelReadiness}), and session-service is asked again with a doubling wait while it cannot be reached.
 * On a difference the service exits with status 1 and one log line naming what differs; when session-service stays
 * unreachable past {@code persona.agreement.give-up-after}, it exits with status 1 too, so that a deployment shows the
 * fault instead of a service that never becomes ready.
 */
@ApplicationScoped
public class PersonaModelAgreement {

    /** Where the check is; only {@link #CHECKING} is not ready. */
    public enum State {
        CHECKING, AGREED, NOT_CHECKED, DIFFERENT, UNCONFIRMED
    }

    private final Instance<EnforcedPersonaModel> enforced;
    private final PersonaModelFingerprint own;
    private final PersonaModelConfig.Agreement config;
    private final String service;
    private volatile State state = State.CHECKING;

    public PersonaModelAgreement(Instance<EnforcedPersonaModel> enforced, PersonaModelFingerprint own,
            PersonaModelConfig config, @ConfigProperty(name = "quarkus.application.name") String service) {
        this.enforced = enforced;
        this.own = own;
        this.config = config.agreement();
        this.service = service;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled() || !enforced.isResolvable()) {
            state = State.NOT_CHECKED;
            return;
        }
        EnforcedPersonaModel source = enforced.get();
        Uni.createFrom().deferred(source::fingerprint)
                .onFailure().invoke(e -> Log.warnf("%s cannot read session-service's persona model yet (%s); "
                        + "not ready until it can", service, e.getMessage()))
                .onFailure().retry()
                .withBackOff(config.firstRetry(), config.maxRetry())
                .expireIn(config.giveUpAfter().toMillis())
                .subscribe().with(enforcedModel -> compare(enforcedModel, source), this::giveUp);
    }

    public State state() {
        return state;
    }

    private void compare(PersonaModelFingerprint enforcedModel, EnforcedPersonaModel source) {
        List<Difference> differences = own.differencesFrom(enforcedModel, source.reliedOn());
        if (differences.isEmpty()) {
            state = State.AGREED;
            Log.infof("%s runs with the persona model session-service enforces (sha256 %s)", service, own.sha256());
            return;
        }
        state = State.DIFFERENT;
        Log.errorf("%s refuses to start: its persona model differs from the one session-service enforces in %s. "
                + "Give every service the same persona.* configuration.", service,
                differences.stream().map(Difference::description).collect(Collectors.joining("; ")));
        Quarkus.asyncExit(1);
    }

    private void giveUp(Throwable failure) {
        state = State.UNCONFIRMED;
        Log.errorf("%s stops: session-service's persona model could not be read within %s (%s)", service,
                config.giveUpAfter(), failure.getMessage());
        Quarkus.asyncExit(1);
    }
}
