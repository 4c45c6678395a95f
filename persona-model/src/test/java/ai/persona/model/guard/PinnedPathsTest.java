package ai.persona.model.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import ai.persona.model.PatchOperation;
import ai.persona.model.PersonaFixtures;
import ai.persona.model.PersonaSchema;
import ai.persona.model.Violation;
import ai.persona.model.ViolationReason;

class PinnedPathsTest {

    @Test
    void aPinnedSectionCoversItsFieldsAndListItems() {
        List<Violation> violations = PinnedPaths.touched(List.of("/Preference", "/Demographics/Name"), List.of(
                PatchOperation.replace("/Preference/Preferred_Styles", PersonaFixtures.text("严肃"), ""),
                PatchOperation.remove("/Demographics/Name", ""),
                PatchOperation.add("/Demographics/Age", PersonaFixtures.text("30"), ""),
                PatchOperation.test("/Preference/Preferred_Styles", PersonaFixtures.text("简洁"))));

        assertThat(violations).extracting(Violation::path)
                .containsExactly("/Preference/Preferred_Styles", "/Demographics/Name");
        assertThat(violations).extracting(Violation::reason).containsOnly(ViolationReason.PINNED);
    }

    @Test
    void onlySectionsAndFieldsOfTheSchemaCanBePinned() {
        PersonaSchema schema = PersonaSchema.defaultSchema();

        assertThat(PinnedPaths.problems(schema, List.of("/Preference", "/Demographics/Name"))).isEmpty();
        assertThat(PinnedPaths.problems(schema, List.of("Preference", "/Nowhere", "/Demographics/Name/0", "")))
                .hasSize(4);
    }
}
