package ai.persona.gateway;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** PersonaPinsTest against the packaged application (ChatGatewayIT): pinning persona fields against the optimizer. */
@QuarkusIntegrationTest
class PersonaPinsIT extends PersonaPinsTest {
}
