package ai.persona.gateway;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** AuthorizationTest against the packaged application (ChatGatewayIT): one user's token never reaches another user's data. */
@QuarkusIntegrationTest
class AuthorizationIT extends AuthorizationTest {
}
