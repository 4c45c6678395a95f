package ai.persona.gateway.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LlmClientProducerTest {

    @Test
    void aBaseUrlEndsWithV1() {
        assertThat(LlmClientProducer.checkedBaseUrl("http://localhost:11434/v1/")).isEqualTo("http://localhost:11434/v1/");
        assertThat(LlmClientProducer.checkedBaseUrl("http://localhost:11434/v1")).isEqualTo("http://localhost:11434/v1/");
        assertThatThrownBy(() -> LlmClientProducer.checkedBaseUrl("http://localhost:11434/"))
                .hasMessageContaining("must end with /v1/");
    }
}
