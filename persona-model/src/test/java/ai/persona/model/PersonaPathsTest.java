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
}
