package ai.persona.gateway.memory;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** MemoryApiTest against the packaged application (ChatGatewayIT): the persona prompt and recorded conversations of the memory API. */
@QuarkusIntegrationTest
class MemoryApiIT extends MemoryApiTest {
}
