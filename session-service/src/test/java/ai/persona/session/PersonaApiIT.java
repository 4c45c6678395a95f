package ai.persona.session;

import org.junit.jupiter.api.BeforeAll;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** PersonaApiTest against the packaged application ({@link SessionServiceIT}): the persona API: reads, edits, conflicts, rollback, diff. */
@QuarkusIntegrationTest
class PersonaApiIT extends PersonaApiTest {

    @BeforeAll
    static void callAsAnOperator() {
        ServiceTokens.install();
    }
}
