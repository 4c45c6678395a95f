package ai.persona.gateway.auth;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** AppKeysTest against the packaged application (ChatGatewayIT): app keys naming their users per request. */
@QuarkusIntegrationTest
class AppKeysIT extends AppKeysTest {
}
