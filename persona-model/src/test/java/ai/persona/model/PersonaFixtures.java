package ai.persona.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/** Small personas the model's tests share; other modules use them through the test jar. */
public final class PersonaFixtures {

    private PersonaFixtures() {
    }

    public static ObjectNode teaShopOwner() {
        ObjectNode persona = PersonaJson.emptyPersona();
        ObjectNode demographics = persona.putObject("Demographics");
        demographics.put("Name", "林晓");
        demographics.put("Age", 35);
        demographics.putArray("Language").add("中文").add("English");
        demographics.put("Career_Information", "杭州一家茶馆的店主");
        ObjectNode personality = persona.putObject("Personality");
        personality.put("Extraversion_or_Introversion", "E");
        personality.putArray("Values_and_Interests").add("品茶").add("书法");
        ObjectNode pattern = persona.putObject("Pattern");
        pattern.put("Usage_Pattern", "晚上经常询问茶叶知识");
        ObjectNode preference = persona.putObject("Preference");
        preference.put("Preferred_Styles", "简洁亲切");
        preference.put("Preferred_Formats", "先给结论再解释");
        return persona;
    }

    public static JsonNode text(String value) {
        return TextNode.valueOf(value);
    }
}
