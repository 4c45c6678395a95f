package ai.persona.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonaPathsTest {

    @Test
    void sameFieldOverlaps() {
        assertThat(PersonaPaths.overlap("/Preference/Preferred_Styles", "/Preference/Preferred_Styles")).isTrue();
    }

    @Test
    void listItemOverlapsItsList() {
        assertThat(PersonaPaths.overlap("/Personality/Values_and_Interests/2", "/Personality/Values_and_Interests/-"))
                .isTrue();
        assertThat(PersonaPaths.overlap("/Personality/Values_and_Interests", "/Personality/Values_and_Interests/0"))
                .isTrue();
    }

    @Test
    void sectionOverlapsItsFields() {
        assertThat(PersonaPaths.overlap("/Preference", "/Preference/Preferred_Styles")).isTrue();
    }

    @Test
    void differentFieldsDoNotOverlap() {
        assertThat(PersonaPaths.overlap("/Preference/Preferred_Styles", "/Preference/Preferred_Formats")).isFalse();
        assertThat(PersonaPaths.overlap("/Pattern/Usage_Pattern", "/Preference/Usage_Pattern")).isFalse();
    }

    @Test
    void escapedSegmentsAreCompared() {
        assertThat(PersonaPaths.overlap("/Pattern/a~1b", "/Pattern/a~1b/0")).isTrue();
        assertThat(PersonaPaths.overlap("/Pattern/a~1b", "/Pattern/a")).isFalse();
    }

    @Test
    void changedFieldsAreFoundAtFieldLevelWhateverTheChange() {
        var before = PersonaFixtures.teaShopOwner();
        var after = PersonaFixtures.teaShopOwner();
        after.with("Preference").put("Preferred_Styles", "幽默");
        after.with("Pattern").remove("Usage_Pattern");
        after.with("Pattern").put("Tea", "乌龙");
        ((com.fasterxml.jackson.databind.node.ArrayNode) after.with("Personality").get("Values_and_Interests")).add("园艺");

        assertThat(PersonaPaths.changedFields(before, after)).containsExactlyInAnyOrder("/Preference/Preferred_Styles",
                "/Pattern/Usage_Pattern", "/Pattern/Tea", "/Personality/Values_and_Interests");
        assertThat(PersonaPaths.changedFields(PersonaJson.emptyPersona(), before)).hasSize(9);
        assertThat(PersonaPaths.changedFields(before, PersonaFixtures.teaShopOwner())).isEmpty();
    }
}
