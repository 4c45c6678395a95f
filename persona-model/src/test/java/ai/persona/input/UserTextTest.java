package ai.persona.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import ai.persona.model.PersonaJson;

class UserTextTest {

    @Test
    void newlinesTabsAndEveryScriptAreText() {
        assertThat(UserText.problem("line one\nline two\ttabbed, 东京, emoji 😀, \u0001")).isEmpty();
        assertThat(UserText.problem(null)).isEmpty();
    }

    @Test
    void aNulOrALoneSurrogateIsNotStorableText() {
        assertThat(UserText.problem("a\u0000b")).contains("must not contain a NUL character (U+0000 at 1)");
        assertThat(UserText.problem("x\ud800")).get().asString().contains("lone surrogate (at 1)");
        assertThat(UserText.problem("\udc00")).isPresent();
    }

    @Test
    void theFirstUnstorableStringOfADocumentIsNamedByItsPointer() throws Exception {
        var document = PersonaJson.mapper().readTree(
                "{\"Preference\":{\"Styles\":[\"ok\",\"bad\\u0000\"]},\"a/b\":{\"x\":\"\\ud800\"}}");
        assertThat(UserText.firstProblem(document)).get()
                .extracting(UserText.Problem::pointer).isEqualTo("/Preference/Styles/1");
        var names = PersonaJson.mapper().readTree("{\"ok\":{\"bad\\u0000name\":1}}");
        assertThat(UserText.firstProblem(names).orElseThrow().pointer()).isEqualTo("/ok/bad\\u0000name");
        assertThat(UserText.firstProblem(PersonaJson.mapper().readTree("{\"a\":[1,true,null,\"fine\"]}"))).isEmpty();
    }
}
