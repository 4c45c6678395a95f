package ai.persona.updater;

import org.junit.jupiter.api.BeforeAll;

import ai.persona.updater.support.ServiceTokens;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** UserSettingsApiTest against the packaged application ({@link PersonaUpdaterIT}): a user's learning settings, k, the optimizer mode and flushes. */
@QuarkusIntegrationTest
class UserSettingsApiIT extends UserSettingsApiTest {

    @BeforeAll
    static void callAsAnOperator() {
        ServiceTokens.install();
    }
}
