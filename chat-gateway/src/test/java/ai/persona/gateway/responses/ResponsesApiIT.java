package ai.persona.gateway.responses;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** ResponsesApiTest against the packaged application (ChatGatewayIT): OpenAI's Responses API. */
@QuarkusIntegrationTest
class ResponsesApiIT extends ResponsesApiTest {
}
