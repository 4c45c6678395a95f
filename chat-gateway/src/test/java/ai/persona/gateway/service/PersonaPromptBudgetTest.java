package ai.persona.gateway.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import ai.persona.model.PersonaJson;
import ai.persona.model.PersonaRenderer;
import ai.persona.model.PersonaSchema;
import ai.persona.model.TokenCounter;

/** The memory API's prompt within a client's budget: the chat turn's rendering, with fields left out in its order. */
class PersonaPromptBudgetTest {

    private static final PersonaRenderer RENDERER = new PersonaRenderer(PersonaSchema.defaultSchema());
    private static final String PREAMBLE = "What you know about the user follows.";
    // fields of several priorities in several sections, an added field (lowest priority) and a value with line breaks
    private static final JsonNode PERSONA = json("""
            {"Demographics":{"Name":"Mei","Age":34,"Gender":"female","Career_Information":"marine biologist at a coastal lab"},
             "Personality":{"Thinking_or_Feeling":"thinking, weighs evidence before deciding",
                            "Values_and_Interests":["tide pools","sourdough baking","long-distance running"]},
             "Pattern":{"Usage_Pattern":"asks in the evening\\nafter field work","Favourite_Tool":"a battered field notebook"},
             "Preference":{"Preferred_Styles":"short bullet lists","Preferred_Workflows":"step by step, with sources"}}""");

    private final PersonaPrompt prompts = new PersonaPrompt(RENDERER, PREAMBLE, 10_000);

    @Test
    void withoutABudgetOfItsOwnTheTextIsTheChatTurnsSystemMessage() {
        String turn = prompts.render(PERSONA);

        assertThat(prompts.within(PERSONA, Integer.MAX_VALUE)).isEqualTo(new PersonaPrompt.Text(turn,
                TokenCounter.count(turn)));
        assertThat(prompts.within(PERSONA, TokenCounter.count(turn)).text()).isEqualTo(turn);
    }

    @ParameterizedTest
    @ValueSource(ints = { 20, 30, 45, 60, 80, 100 })
    void aSmallerBudgetLeavesOutTheFieldsTheTurnsOwnBudgetWould(int personaBudget) {
        String expected = new PersonaPrompt(RENDERER, PREAMBLE, personaBudget).render(PERSONA);
        int budget = TokenCounter.count(expected);

        PersonaPrompt.Text fitted = prompts.within(PERSONA, budget);

        assertThat(fitted.text()).isEqualTo(expected);
        assertThat(fitted.tokens()).isEqualTo(TokenCounter.count(fitted.text())).isLessThanOrEqualTo(budget);
    }

    @Test
    void theMostImportantFieldsStayAndNoLineIsCut() {
        String full = prompts.render(PERSONA);

        String fitted = prompts.within(PERSONA, TokenCounter.count(full) / 2).text();

        assertThat(fitted).startsWith(PREAMBLE + "\n\n").contains("- Name: Mei")
                .contains("- Preferred_Styles: short bullet lists")
                .doesNotContain("Favourite_Tool").doesNotContain("Thinking_or_Feeling");
        assertThat(full.lines().toList()).containsAll(fitted.lines().toList());
    }

    @Test
    void aBudgetTooSmallForThePreambleAndOneFieldGivesAnEmptyText() {
        assertThat(prompts.within(PERSONA, 1)).isEqualTo(PersonaPrompt.Text.EMPTY);
        assertThat(prompts.within(PERSONA, TokenCounter.count(PREAMBLE + "\n\n"))).isEqualTo(PersonaPrompt.Text.EMPTY);
    }

    @Test
    void anEmptyPersonaIsAnEmptyTextWhateverTheBudget() {
        assertThat(prompts.within(PersonaJson.emptyPersona(), Integer.MAX_VALUE)).isEqualTo(PersonaPrompt.Text.EMPTY);
        assertThat(prompts.within(PersonaJson.emptyPersona(), 5)).isEqualTo(PersonaPrompt.Text.EMPTY);
    }

    private static JsonNode json(String text) {
        try {
            return PersonaJson.mapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
