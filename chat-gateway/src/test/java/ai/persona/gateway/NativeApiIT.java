package ai.persona.gateway;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** NativeApiTest against the packaged application (ChatGatewayIT): the gateway's own sessions and messages API. */
@QuarkusIntegrationTest
class NativeApiIT extends NativeApiTest {
}
