package ai.persona.benchgen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import ai.persona.benchgen.check.Language;

class LanguageTest {

    @Test
    void chineseTextWithEnglishTermsPassesAsChineseAndFailsAsEnglish() {
        String text = "我想用 Python 和 Markdown 整理这周的读书笔记，最好分点列出。";

        assertThat(Language.of("zh").problem("the query", text)).isNull();
        assertThat(Language.of("en").problem("the query", text)).isEqualTo(
                "the query is not in English: 2 of 21 words in its script");
    }

    @Test
    void englishTextFailsAsChineseAndPassesAsGermanWhichTheScriptCannotTellApart() {
        String text = "Please book a table for two at eight.";

        assertThat(Language.of("zh").problem("the query", text))
                .isEqualTo("the query is not in Simplified Chinese (简体中文): 0 of 8 words in its script");
        assertThat(Language.of("de").problem("the query", text)).isNull();
        assertThat(Language.of("ru").problem("the query", text)).startsWith("the query is not in Russian");
    }
}
