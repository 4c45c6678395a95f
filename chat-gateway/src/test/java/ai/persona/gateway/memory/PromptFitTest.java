package ai.persona.gateway.memory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import ai.persona.model.PersonaJson;
import ai.persona.model.PersonaRenderer;
import ai.persona.model.PersonaSchema;
import ai.persona.model.RenderedPersona;
import ai.persona.model.TokenCounter;

class PromptFitTest {

    private static final PersonaSchema SCHEMA = PersonaSchema.defaultSchema();
    private static final PersonaRenderer RENDERER = new PersonaRenderer(SCHEMA);
    private static final String PREAMBLE = "What you know about the user follows.";
    // fields of several priorities in several sections, an added field (lowest priority) and a value with line breaks
    private static final JsonNode PERSONA = json("""
            {"Demographics":{"Name":"Mei","Age":34,"Gender":"female","Career_Information":"marine biologist at a coastal lab"},
             "Personality":{"Thinking_or_Feeling":"thinking, weighs evidence before deciding",
                            "Values_and_Interests":["tide pools","sourdough baking","long-distance running"]},
             "Pattern":{"Usage_Pattern":"asks in the evening\\nafter field work","Favourite_Tool":"a battered field notebook"},
             "Preference":{"Preferred_Styles":"short bullet lists","Preferred_Workflows":"step by step, with sources"}}""");

    private final PromptFit fit = new PromptFit(SCHEMA, PREAMBLE);

    private static JsonNode json(String text) {
        try {
            return PersonaJson.mapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String prompt(RenderedPersona rendered) {
        return PREAMBLE + "\n\n" + rendered.text();
    }

    @Test
    void withoutABudgetOrWithinItThePromptIsServedAsTheChatTurnGetsIt() {
        String full = prompt(RENDERER.render(PERSONA, 10_000));

        assertThat(fit.fit(full, null)).isEqualTo(new PromptFit.Fitted(full, TokenCounter.count(full)));
        assertThat(fit.fit(full, TokenCounter.count(full)).text()).isEqualTo(full);
    }

    @ParameterizedTest
    @ValueSource(ints = { 20, 30, 45, 60, 80, 100 })
    void aSmallerBudgetLeavesOutTheSameFieldsTheRendererWould(int personaBudget) {
        RenderedPersona expected = RENDERER.render(PERSONA, personaBudget);
        String full = prompt(RENDERER.render(PERSONA, 10_000));
        // the renderer's budget is for the persona alone; the fitted text carries the preamble too
        int budget = TokenCounter.count(prompt(expected));

        PromptFit.Fitted fitted = fit.fit(full, budget);

        assertThat(expected.droppedPaths()).isNotEmpty();
        assertThat(fitted.text()).isEqualTo(prompt(expected));
        assertThat(fitted.tokens()).isEqualTo(TokenCounter.count(fitted.text())).isLessThanOrEqualTo(budget);
    }

    @Test
    void theMostImportantFieldsStayEvenWhenTheyComeLast() {
        String full = prompt(RENDERER.render(PERSONA, 10_000));

        String fitted = fit.fit(full, TokenCounter.count(full) / 2).text();

        assertThat(fitted).startsWith(PREAMBLE + "\n\n").contains("- Name: Mei")
                .contains("- Preferred_Styles: short bullet lists")
                .doesNotContain("Favourite_Tool").doesNotContain("Thinking_or_Feeling");
        // whole lines only: every line of the fitted text is a line of the full one
        assertThat(full.lines().toList()).containsAll(fitted.lines().toList());
    }

    @Test
    void aBudgetTooSmallForThePreambleAndOneFieldGivesAnEmptyText() {
        String full = prompt(RENDERER.render(PERSONA, 10_000));

        assertThat(fit.fit(full, 1)).isEqualTo(new PromptFit.Fitted("", 0));
    }

    @Test
    void noPersonaIsAnEmptyTextWhateverTheBudget() {
        assertThat(fit.fit(null, null)).isEqualTo(new PromptFit.Fitted("", 0));
        assertThat(fit.fit(null, 5)).isEqualTo(new PromptFit.Fitted("", 0));
    }
}
