package ai.persona.model;

import static ai.persona.model.PersonaFixtures.teaShopOwner;
import static ai.persona.model.PersonaFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

class PersonaValidatorTest {

    private final PersonaLimits limits = new PersonaLimits(40, 3, 4, 1, 200);
    private final PersonaPatcher patcher = new PersonaPatcher(new PersonaValidator(PersonaSchema.defaultSchema(), limits));

    @Test
    void validPatchIsAppliedWithoutTouchingTheInput() {
        ObjectNode before = teaShopOwner();
        PatchResult result = patcher.apply(before, List.of(
                PatchOperation.replace("/Preference/Preferred_Styles", text("幽默"), "用户说喜欢轻松的语气"),
                PatchOperation.add("/Pattern/Tea_Habit", text("每天下午喝乌龙"), "新话题")));

        assertThat(result.violations()).isEmpty();
        assertThat(result.persona().at("/Preference/Preferred_Styles").asText()).isEqualTo("幽默");
        assertThat(result.persona().at("/Pattern/Tea_Habit").asText()).isEqualTo("每天下午喝乌龙");
        assertThat(before).isEqualTo(teaShopOwner());
    }

    @Test
    void unknownSectionIsRejected() {
        assertRejected(List.of(PatchOperation.add("/Secrets/Password", text("x"), "")), ViolationReason.UNKNOWN_SECTION,
                "/Secrets/Password");
    }

    @Test
    void newFieldInAClosedSectionIsOutsideTheSchema() {
        assertRejected(List.of(PatchOperation.add("/Demographics/Height", text("180"), "")),
                ViolationReason.PATH_OUTSIDE_SCHEMA, "/Demographics/Height");
    }

    @Test
    void wholeSectionOrMalformedPathIsOutsideTheSchema() {
        assertRejected(List.of(PatchOperation.remove("/Preference", "")), ViolationReason.PATH_OUTSIDE_SCHEMA,
                "/Preference");
        assertRejected(List.of(PatchOperation.replace("Preference.Preferred_Styles", text("x"), "")),
                ViolationReason.PATH_OUTSIDE_SCHEMA, "Preference.Preferred_Styles");
    }

    @Test
    void wrongValueTypeIsRejected() {
        assertRejected(List.of(PatchOperation.replace("/Demographics/Age", text("三十五"), "")), ViolationReason.WRONG_TYPE,
                "/Demographics/Age");
        assertRejected(List.of(PatchOperation.replace("/Preference/Preferred_Styles", IntNode.valueOf(3), "")),
                ViolationReason.WRONG_TYPE, "/Preference/Preferred_Styles");
        assertRejected(List.of(PatchOperation.add("/Pattern/Nested", PersonaJson.emptyPersona().put("a", "b"), "")),
                ViolationReason.WRONG_TYPE, "/Pattern/Nested");
    }

    @Test
    void tooLongValuesAndListsAreRejected() {
        assertRejected(List.of(PatchOperation.replace("/Preference/Preferred_Styles", text("长".repeat(41)), "")),
                ViolationReason.VALUE_TOO_LONG, "/Preference/Preferred_Styles");
        var list = PersonaJson.mapper().createArrayNode().add("a").add("b").add("c").add("d");
        assertRejected(List.of(PatchOperation.replace("/Personality/Values_and_Interests", list, "")),
                ViolationReason.VALUE_TOO_LONG, "/Personality/Values_and_Interests");
    }

    @Test
    void tooManyOperationsAreRejected() {
        List<PatchOperation> ops = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ops.add(PatchOperation.add("/Pattern/Field_" + i, text("v"), ""));
        }
        assertRejected(ops, ViolationReason.TOO_MANY_OPERATIONS, "");
    }

    @Test
    void testGuardsDoNotCountAsOperations() {
        List<PatchOperation> ops = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ops.add(PatchOperation.add("/Pattern/Field_" + i, text("v"), ""));
        }
        ops.add(PatchOperation.test("/Demographics/Name", text("林晓")));
        assertThat(patcher.apply(teaShopOwner(), ops).violations()).isEmpty();
    }

    @Test
    void massRemovalIsRejected() {
        assertRejected(List.of(PatchOperation.remove("/Pattern/Usage_Pattern", ""),
                PatchOperation.remove("/Preference/Preferred_Styles", "")), ViolationReason.TOO_MANY_REMOVALS, "");
    }

    @Test
    void personaOverItsTokenBudgetIsRejected() {
        List<PatchOperation> ops = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ops.add(PatchOperation.add("/Pattern/Long_" + i, text("这是一段很长的描述用来撑大画像的令牌数量".repeat(2)), ""));
        }
        assertRejected(ops, ViolationReason.OVER_TOKEN_BUDGET, "");
    }

    @Test
    void patchThatWouldEmptyThePersonaIsRejected() {
        ObjectNode single = PersonaJson.emptyPersona();
        single.putObject("Preference").put("Preferred_Styles", "简洁");
        PatchResult result = patcher.apply(single, List.of(PatchOperation.remove("/Preference/Preferred_Styles", "")));
        assertThat(result.violations()).extracting(Violation::reason).containsExactly(ViolationReason.EMPTIES_PERSONA);
        PersonaPatcher person = new PersonaPatcher(patcher.validator(), true);
        assertThat(person.apply(single, List.of(PatchOperation.remove("/Preference/Preferred_Styles", ""))).isApplied())
                .isTrue();
    }

    @Test
    void moveAndCopyAreUnsupported() {
        assertRejected(List.of(new PatchOperation("move", "/Pattern/Usage_Pattern", null, "")),
                ViolationReason.UNSUPPORTED_OPERATION, "/Pattern/Usage_Pattern");
    }

    @Test
    void failingGuardOrMissingTargetIsNotApplicable() {
        assertRejected(List.of(PatchOperation.test("/Demographics/Name", text("别人")),
                PatchOperation.replace("/Demographics/Name", text("林小晓"), "")), ViolationReason.NOT_APPLICABLE, null);
        assertRejected(List.of(PatchOperation.remove("/Pattern/Emotion_Pattern", "")), ViolationReason.NOT_APPLICABLE, null);
    }

    @Test
    void personaDocumentItselfIsValidated() {
        PersonaValidator validator = patcher.validator();
        ObjectNode persona = teaShopOwner();
        persona.putObject("Unknown").put("x", "y");
        persona.with("Demographics").put("Age", "old");
        assertThat(validator.validatePersona(persona)).extracting(Violation::reason)
                .containsExactlyInAnyOrder(ViolationReason.UNKNOWN_SECTION, ViolationReason.WRONG_TYPE);
        assertThat(validator.validatePersona(PersonaJson.mapper().createArrayNode()))
                .extracting(Violation::reason).containsExactly(ViolationReason.NOT_AN_OBJECT);
        assertThat(validator.validatePersona(teaShopOwner())).isEmpty();
    }

    @Test
    void aPointerEscapeOtherThanTilde0Or1IsRejectedNotThrown() {
        assertRejected(List.of(PatchOperation.replace("/Preference/Preferred~2Styles", text("x"), "")),
                ViolationReason.PATH_OUTSIDE_SCHEMA, "/Preference/Preferred~2Styles");
        assertRejected(List.of(PatchOperation.remove("/Preference/Preferred_Styles~", "")),
                ViolationReason.PATH_OUTSIDE_SCHEMA, "/Preference/Preferred_Styles~");
    }

    @Test
    void aValueWithANulOrALoneSurrogateIsRejectedAtItsPointer() {
        assertRejected(List.of(PatchOperation.replace("/Preference/Preferred_Styles", text("fun\u0000ny"), "")),
                ViolationReason.INVALID_TEXT, "/Preference/Preferred_Styles");
        assertRejected(List.of(PatchOperation.add("/Pattern/Tea_Habit", text("tea \ud800"), "")),
                ViolationReason.INVALID_TEXT, "/Pattern/Tea_Habit");
        assertRejected(List.of(PatchOperation.replace("/Preference/Preferred_Styles", text("ok"), "why\u0000")),
                ViolationReason.INVALID_TEXT, "/Preference/Preferred_Styles");
        assertRejected(List.of(PatchOperation.replace("/Preference/Preferred\u0000", text("ok"), "")),
                ViolationReason.INVALID_TEXT, "");
    }

    @Test
    void aWholePersonaWithANulIsRejectedAtItsPointer() {
        ObjectNode persona = teaShopOwner();
        ((ObjectNode) persona.get("Preference")).put("Preferred_Styles", "a\u0000");
        assertThat(new PersonaValidator(PersonaSchema.defaultSchema(), limits).validatePersona(persona))
                .extracting(Violation::reason, Violation::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ViolationReason.INVALID_TEXT,
                        "/Preference/Preferred_Styles"));
    }

    @Test
    void temporaryValueIsAcceptedOnAFieldTheSchemaMarksTemporaryAndKeepsItsValidity() {
        Instant until = Instant.parse("2027-01-31T00:00:00Z");
        PatchResult result = patcher.apply(teaShopOwner(), List.of(
                PatchOperation.add("/Pattern/Current_Location", text("这个月在东京"), "用户说这个月在东京").until(until),
                PatchOperation.replace("/Demographics/Career_Information", text("休产假"), "用户说在休产假").until(until)));

        assertThat(result.violations()).isEmpty();
        assertThat(result.persona().at("/Pattern/Current_Location").asText()).isEqualTo("这个月在东京");
        ObjectNode written = PersonaJson.mapper().valueToTree(
                PatchOperation.replace("/Pattern/Usage_Pattern", text("x"), "r").until(until));
        assertThat(written.get("until").asText()).isEqualTo("2027-01-31T00:00:00Z");
        assertThat(PersonaJson.mapper().convertValue(written, PatchOperation.class).until()).isEqualTo(until);
        assertThat(written.has("until")).isTrue();
        assertThat(PatchOperation.replace("/Pattern/Usage_Pattern", text("x"), "r").until(until)
                .toJsonPatchOperation().has("until")).isFalse();
    }

    @Test
    void validityIsRejectedOnALastingFieldARemovalOrAListItem() {
        Instant until = Instant.parse("2027-01-31T00:00:00Z");
        assertRejected(List.of(PatchOperation.replace("/Demographics/Name", text("小林"), "").until(until)),
                ViolationReason.NOT_TEMPORARY, "/Demographics/Name");
        assertRejected(List.of(PatchOperation.remove("/Pattern/Usage_Pattern", "").until(until)),
                ViolationReason.NOT_TEMPORARY, "/Pattern/Usage_Pattern");
        assertRejected(List.of(PatchOperation.add("/Personality/Values_and_Interests/0", text("茶"), "").until(until)),
                ViolationReason.NOT_TEMPORARY, "/Personality/Values_and_Interests/0");
        // a closed section's added fields are outside the schema anyway; an open section without the mark takes no validity
        PersonaValidator strict = new PersonaValidator(new PersonaSchema("open, lasting",
                List.of(new SectionSpec("Pattern", true, List.of()))), limits);
        assertThat(strict.validateOperations(List.of(PatchOperation.add("/Pattern/Trip", text("东京"), "").until(until))))
                .extracting(Violation::reason).containsExactly(ViolationReason.NOT_TEMPORARY);
    }

    private void assertRejected(List<PatchOperation> ops, ViolationReason reason, String path) {
        PatchResult result = patcher.apply(teaShopOwner(), ops);
        assertThat(result.isApplied()).isFalse();
        assertThat(result.persona()).isNull();
        assertThat(result.violations()).extracting(Violation::reason).contains(reason);
        if (path != null) {
            assertThat(result.violations()).filteredOn(v -> v.reason() == reason).extracting(Violation::path).contains(path);
        }
    }
}
