package ai.persona.eval.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SettingTest {

    @Test
    void learningTakesAnyPositiveK() {
        Setting setting = Setting.parse("Learning-7");
        assertThat(setting.kind()).isEqualTo(Setting.Kind.LEARNING);
        assertThat(setting.k()).isEqualTo(7);
        assertThat(setting.label()).isEqualTo("Persona Learning (k=7)");
    }

    @Test
    void unknownSettingsAndKZeroAreRefusedWithTheChoices() {
        assertThatThrownBy(() -> Setting.parse("learning-0")).hasMessageContaining("learning-<k>");
        assertThatThrownBy(() -> Setting.parse("memory")).hasMessageContaining("no-persona, golden, rag");
    }
}
