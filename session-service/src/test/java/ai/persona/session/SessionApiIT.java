package ai.persona.session;

import org.junit.jupiter.api.BeforeAll;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** SessionApiTest against the packaged application ({@link SessionServiceIT}): the sessions API. */
@QuarkusIntegrationTest
class SessionApiIT extends SessionApiTest {

    @BeforeAll
    static void callAsAnOperator() {
        ServiceTokens.install();
    }
}
