package ai.persona.updater;

import org.junit.jupiter.api.BeforeAll;

import ai.persona.updater.support.ServiceTokens;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** ServiceAuthTest against the packaged application ({@link PersonaUpdaterIT}): 401 and 403 problems per endpoint and caller. */
@QuarkusIntegrationTest
class ServiceAuthIT extends ServiceAuthTest {

    @BeforeAll
    static void callAsAnOperator() {
        ServiceTokens.install();
    }
}
