package ai.persona.gateway.model.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OpenAiClientsTest {

    @Test
    void aBaseUrlEndsWithV1() {
        assertThat(OpenAiClients.checkedBaseUrl("http://localhost:11434/v1/")).isEqualTo("http://localhost:11434/v1/");
        assertThat(OpenAiClients.checkedBaseUrl("http://localhost:11434/v1")).isEqualTo("http://localhost:11434/v1/");
        assertThatThrownBy(() -> OpenAiClients.checkedBaseUrl("http://localhost:11434/"))
                .hasMessageContaining("gateway.llm.base-url (LLM_BASE_URL) must end with /v1/");
    }
}
