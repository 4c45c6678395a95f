package ai.persona.model;

import static ai.persona.model.PersonaFixtures.teaShopOwner;
import static ai.persona.model.PersonaFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.flipkart.zjsonpatch.JsonPatch;

class PersonaPatcherTest {

    private final PersonaPatcher patcher = new PersonaPatcher(
            new PersonaValidator(PersonaSchema.defaultSchema(), PersonaLimits.defaults()));

    @Test
    void diffBetweenTwoPersonasTurnsOneIntoTheOther() {
        ObjectNode from = teaShopOwner();
        ObjectNode to = teaShopOwner();
        to.with("Preference").put("Preferred_Styles", "幽默");
        to.with("Pattern").remove("Usage_Pattern");
        to.with("Pattern").put("Purchase_Pattern", "偏好小众茶叶");

        ArrayNode diff = PersonaPatcher.diff(from, to);

        assertThat(JsonPatch.apply(diff, from)).isEqualTo(to);
        List<String> ops = new ArrayList<>();
        diff.forEach(op -> ops.add(op.get("op").asText()));
        assertThat(ops).doesNotContain("move", "copy").contains("replace", "remove", "add");
    }

    @Test
    void listItemCanBeAppended() {
        PatchResult result = patcher.apply(teaShopOwner(),
                List.of(PatchOperation.add("/Personality/Values_and_Interests/-", text("园艺"), "提到周末种花")));
        assertThat(result.violations()).isEmpty();
        JsonNode interests = result.persona().at("/Personality/Values_and_Interests");
        assertThat(interests).hasSize(3);
        assertThat(interests.get(2).asText()).isEqualTo("园艺");
    }

    @Test
    void patchKeepsReasonsOutOfTheJsonPatch() {
        PersonaPatch patch = new PersonaPatch("p1", "u1", 3, List.of("s1"),
                List.of(PatchOperation.replace("/Preference/Preferred_Styles", text("幽默"), "用户说的")), "m", null);
        assertThat(patch.toJsonPatch().get(0).has("reason")).isFalse();
        assertThat(patch.toJsonPatch().get(0).get("value").asText()).isEqualTo("幽默");
        assertThat(patch.isEmpty()).isFalse();
        assertThat(new PersonaPatch("p2", "u1", 3, null, List.of(PatchOperation.test("/a/b", text("x"))), null, null)
                .isEmpty()).isTrue();
    }

    @Test
    void emptyPersonaGetsItsFirstFieldsWithoutDeclaringSections() {
        PatchResult result = patcher.apply(PersonaJson.emptyPersona(), List.of(
                PatchOperation.add("/Preference/Preferred_Styles", text("简洁"), "用户要求简短回答"),
                PatchOperation.add("/Demographics/Language", PersonaJson.mapper().createArrayNode().add("中文"), "")));

        assertThat(result.violations()).isEmpty();
        assertThat(result.persona().at("/Preference/Preferred_Styles").asText()).isEqualTo("简洁");
        assertThat(PersonaPatcher.fieldCount(result.persona())).isEqualTo(2);
    }

    @Test
    void replacingAFieldThatDoesNotExistIsNotApplicable() {
        PatchResult result = patcher.apply(PersonaJson.emptyPersona(),
                List.of(PatchOperation.replace("/Preference/Preferred_Styles", text("简洁"), "")));
        assertThat(result.violations()).extracting(Violation::reason).containsExactly(ViolationReason.NOT_APPLICABLE);
    }
}
