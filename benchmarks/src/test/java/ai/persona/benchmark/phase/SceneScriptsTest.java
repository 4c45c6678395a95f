package ai.persona.benchmark.phase;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ai.persona.personabench.BenchPersona;
import ai.persona.personabench.Scene;
import ai.persona.model.PersonaJson;

class SceneScriptsTest {

    private static Scene scene(String context, String description, String personalized, String neutralized) {
        return new Scene(0, Scene.Kind.COMMON, "旅行须知", "", false, Map.of(), description, "", context,
                personalized, neutralized);
    }

    @Test
    void thePersonalizedQueryOpensAndTheContextFollowsInUpToThreeMessages() {
        Scene italy = scene("丽丽准备去的国家是意大利。她需要了解以下信息：\n1. 天气情况。\n2. 签证要求。\n3. 货币兑换。\n\n"
                + "她希望附有图片。", "", "嘿，帮我查一下意大利未来几天的天气。", "请查询意大利的天气。");

        // six sentences in three follow-ups of two, in order; the neutralized query is the same request, not resent
        assertThat(SceneScripts.userTurns(italy)).containsExactly("嘿，帮我查一下意大利未来几天的天气。",
                "丽丽准备去的国家是意大利。她需要了解以下信息：", "1. 天气情况。2. 签证要求。", "3. 货币兑换。她希望附有图片。");
    }

    @Test
    void aShortContextGivesFewerFollowUpsAndNoContextFallsBackToTheDescription() {
        assertThat(SceneScripts.userTurns(scene("他读过《时间简史》。", "", "推荐几本书？", "")))
                .containsExactly("推荐几本书？", "他读过《时间简史》。");
        assertThat(SceneScripts.userTurns(scene("", "小明想去看书法展览！他周末有空。", "", "附近有书法展吗？")))
                .containsExactly("附近有书法展吗？", "小明想去看书法展览！", "他周末有空。");
    }

    @Test
    void usersReplayTheirOwnPersonasScenesAndWrapAround() {
        Scene a = scene("", "", "A", ""), b = scene("", "", "B", ""), c = scene("", "", "C", "");
        SceneScripts scripts = new SceneScripts(List.of(
                new BenchPersona("甲", PersonaJson.mapper().createObjectNode(), List.of(a, b), List.of()),
                new BenchPersona("乙", PersonaJson.mapper().createObjectNode(), List.of(c), List.of())));

        assertThat(scripts.userTurns(0, 1)).containsExactly("B");
        assertThat(scripts.userTurns(0, 2)).containsExactly("A");
        assertThat(scripts.userTurns(1, 5)).containsExactly("C");
        assertThat(scripts.userTurns(2, 0)).containsExactly("A");
    }

    @Test
    void withoutDataThereIsNothingToReplay() {
        assertThat(SceneScripts.load(Path.of("target/no-such-personabench"), 3)).isEmpty();
    }
}
