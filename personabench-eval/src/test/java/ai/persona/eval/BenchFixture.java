package ai.persona.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.persona.model.PersonaJson;

/**
 * A PersonaBench folder written by the test (the real data is not in the project): two personas with four common
 * scenes each, in the data's own shape and quirks (tagged neutralized queries, an API-less scene with null APIs).
 * Every query carries its scene number as 【场景N】, which the scripted LLM reads.
 */
final class BenchFixture {

    static final String FIRST = "林晓";
    static final String SECOND = "王磊";

    private BenchFixture() {
    }

    static Path write(Path folder) throws IOException {
        Path generated = Files.createDirectories(folder.resolve("generated_data"));
        Files.writeString(generated.resolve(FIRST + ".json"), persona(FIRST, "杭州一家茶馆的店主").toPrettyString());
        Files.writeString(generated.resolve(SECOND + ".json"), persona(SECOND, "成都的中学物理老师").toPrettyString());
        return folder;
    }

    private static ObjectNode persona(String name, String career) {
        ObjectNode persona = PersonaJson.mapper().createObjectNode();
        ObjectNode demographics = persona.putObject("Demographics");
        demographics.put("Age", 35).put("Gender", "女").put("Nationality", "中国").put("Career_Information", career)
                .put("Name", name);
        demographics.putArray("Language").add("中文");
        ObjectNode personality = persona.putObject("Personality");
        personality.put("Extraversion_or_Introversion", "I").put("Sensing_or_Intuition", "S")
                .put("Thinking_or_Feeling", "T").put("Judging_or_Perceiving", "J");
        personality.putArray("Values_and_Interests").add("阅读").add("徒步");
        persona.putObject("Pattern").put("Usage_Pattern", "晚上使用较多");
        persona.putObject("Preference").put("Preferred_Styles", "简洁").putNull("Preferred_Formats");
        ArrayNode scenes = persona.putArray("scenes");
        for (int n = 1; n <= 4; n++) {
            ObjectNode scene = scenes.addObject();
            scene.put("scene_type", "场景" + n + "：日常求助——第" + n + "个问题");
            if (n == 2) {
                ObjectNode api = scene.putObject("available_apis").putObject("weatherLookup");
                api.putArray("arguments").add("city");
                api.put("description", "Returns the weather of a city.");
            } else {
                scene.putNull("available_apis");
            }
            scene.put("scene_desc", "用户需要帮助。").put("expected_response", "AI应该给出具体可行的建议。")
                    .put("scene_context", "用户在家。").put("personalized_query", "【场景" + n + "】我想问个问题")
                    .put("neutralized_query", "<neutralized_query>\n【场景" + n + "】请帮我看看这个问题\n</neutralized_query>");
        }
        return persona;
    }
}
