package ai.persona.updater.support;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * No session-service runs beside the updater's own tests (its snapshot reads fall back to the PersonaChanged snapshot),
 * so the start-up check that the persona model is session-service's is off here, for the packaged application too. The
 * check is tested where session-service runs: e2e-tests' PersonaModelAgreementIT, and the gateway's tests.
 */
@QuarkusTestResource(value = NoSessionServiceResource.class, restrictToAnnotatedClass = false)
public class NoSessionServiceResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("persona.agreement.enabled", "false");
    }

    @Override
    public void stop() {
        // nothing was started
    }
}
