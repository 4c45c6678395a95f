package ai.persona.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogTextTest {

    @Test
    void aNewlineCannotForgeALogLine() {
        String forged = "abc\n2026-12-02 07:00:00,000 INFO  [ai.persona] admin logged in";
        assertThat(LogText.escape(forged)).doesNotContain("\n").startsWith("abc\\u000a2026");
    }

    @Test
    void controlsSeparatorsAndLoneSurrogatesAreEscapedAndPairsKept() {
        assertThat(LogText.escape("a\u0000b\rc\u2028d\ud800e😀f\\")).isEqualTo("a\\u0000b\\u000dc\\u2028d\\ud800e😀f\\\\");
        assertThat(LogText.escape(null)).isEqualTo("null");
    }

    @Test
    void longInputIsCut() {
        assertThat(LogText.escape("x".repeat(1000))).hasSize(LogText.MAX_LOGGED + "...(1000 chars)".length());
    }
}
