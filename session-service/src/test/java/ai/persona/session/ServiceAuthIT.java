package ai.persona.session;

import org.junit.jupiter.api.BeforeAll;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** ServiceAuthTest against the packaged application ({@link SessionServiceIT}): who may call what: 401 and 403 problems per endpoint and caller. */
@QuarkusIntegrationTest
class ServiceAuthIT extends ServiceAuthTest {

    @BeforeAll
    static void callAsAnOperator() {
        ServiceTokens.install();
    }
}
