package ai.persona.gateway;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** OpenAiApiTest against the packaged application (ChatGatewayIT): the OpenAI chat completions API, streamed and not, with sessions and personas. */
@QuarkusIntegrationTest
class OpenAiApiIT extends OpenAiApiTest {
}
