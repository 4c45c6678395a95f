package ai.persona.model;

import static ai.persona.model.PersonaFixtures.teaShopOwner;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonaRendererTest {

    private final PersonaRenderer renderer = new PersonaRenderer(PersonaSchema.defaultSchema());

    @Test
    void wholePersonaIsRenderedInSchemaOrderWhenItFits() {
        RenderedPersona rendered = renderer.render(teaShopOwner(), 1000);

        assertThat(rendered.droppedPaths()).isEmpty();
        assertThat(rendered.text()).contains("## Demographics", "- Name: 林晓", "- Language: 中文; English",
                "- Values_and_Interests: 品茶; 书法", "- Preferred_Styles: 简洁亲切");
        assertThat(rendered.text().indexOf("## Demographics")).isLessThan(rendered.text().indexOf("## Preference"));
        assertThat(rendered.tokens()).isEqualTo(TokenCounter.count(rendered.text()));
    }

    @Test
    void leastImportantFieldsAreDroppedFirstToFitTheBudget() {
        int full = renderer.render(teaShopOwner(), Integer.MAX_VALUE).tokens();

        RenderedPersona rendered = renderer.render(teaShopOwner(), full - 5);

        assertThat(rendered.tokens()).isLessThanOrEqualTo(full - 5);
        // Extraversion_or_Introversion has priority 4, the lowest the fixture holds
        assertThat(rendered.droppedPaths()).containsExactly("/Personality/Extraversion_or_Introversion");
        assertThat(rendered.text()).doesNotContain("Extraversion_or_Introversion").contains("- Name: 林晓");
    }

    @Test
    void renderingIsDeterministicAndShrinksMonotonically() {
        int previous = Integer.MAX_VALUE;
        for (int budget = 120; budget >= 0; budget -= 10) {
            RenderedPersona first = renderer.render(teaShopOwner(), budget);
            assertThat(renderer.render(teaShopOwner(), budget)).isEqualTo(first);
            assertThat(first.tokens()).isLessThanOrEqualTo(budget).isLessThanOrEqualTo(previous);
            previous = first.tokens();
        }
        assertThat(renderer.render(teaShopOwner(), 0).isEmpty()).isTrue();
    }

    @Test
    void fieldsTheOptimizerAddedAreDroppedBeforeDeclaredOnes() {
        var persona = teaShopOwner();
        persona.with("Pattern").put("Tea_Habit", "下午喝乌龙");
        int full = renderer.render(persona, Integer.MAX_VALUE).tokens();

        assertThat(renderer.render(persona, full - 1).droppedPaths()).containsExactly("/Pattern/Tea_Habit");
    }

    @Test
    void emptyPersonaRendersToNothing() {
        RenderedPersona rendered = renderer.render(PersonaJson.emptyPersona(), 500);
        assertThat(rendered.text()).isEmpty();
        assertThat(rendered.tokens()).isZero();
    }
}
