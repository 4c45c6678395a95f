package ai.persona.benchgen;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.persona.model.PersonaJson;

/** The scripted model's valid answers, in English or Chinese. */
final class ScriptedAnswers {

    static final String[] EN_PERSONAS = {
        """
        {"Demographics": {"Name": "Maya Thompson", "Age": 34, "Gender": "Female", "Nationality": "Canadian",
          "Language": ["English", "French"], "Career_Information": "Night-shift nurse at a Toronto hospital"},
         "Personality": {"Extraversion_or_Introversion": "I", "Sensing_or_Intuition": "S", "Thinking_or_Feeling": "F",
          "Judging_or_Perceiving": "J", "Values_and_Interests": ["Patient care", "Trail running", "Growing herbs on her balcony"]},
         "Pattern": {"Behavior_Engagement_Pattern": "Asks about sleep and shift schedules after night shifts",
          "Usage_Pattern": "Uses the assistant daily on her commute, mostly for short practical questions",
          "Emotion_Pattern": "Tired but calm; wants reassurance when plans change",
          "Purchase_Pattern": "Buys running gear on sale and compares prices first"},
         "Preference": {"Preferred_Styles": "Warm and brief", "Preferred_Formats": "Short bullet lists",
          "Preferred_Workflows": "One step at a time, confirming before acting"}}""",
        """
        {"Demographics": {"Name": "Daniel Okafor", "Age": 52, "Gender": "Male", "Nationality": "British",
          "Language": ["English", "Yoruba"], "Career_Information": "Owner of a small bicycle repair shop in Leeds"},
         "Personality": {"Extraversion_or_Introversion": "E", "Sensing_or_Intuition": "S", "Thinking_or_Feeling": "T",
          "Judging_or_Perceiving": "P", "Values_and_Interests": ["Cycling clubs", "Fixing old machines", "Local football"]},
         "Pattern": {"Behavior_Engagement_Pattern": "Looks up spare parts and suppliers several times a week",
          "Usage_Pattern": "Short voice questions between repairs, longer planning on Sunday evenings",
          "Emotion_Pattern": "Impatient with vague answers, cheerful when things work",
          "Purchase_Pattern": "Orders parts in bulk from trusted wholesalers"},
         "Preference": {"Preferred_Styles": "Direct, no small talk", "Preferred_Formats": "Numbered steps with prices",
          "Preferred_Workflows": "The answer first, the details after"}}"""};

    static final String[] ZH_PERSONAS = {
        """
        {"Demographics": {"Name": "林晓雨", "Age": 28, "Gender": "女", "Nationality": "中国", "Language": ["中文"],
          "Career_Information": "成都一家出版社的图书编辑"},
         "Personality": {"Extraversion_or_Introversion": "I", "Sensing_or_Intuition": "N", "Thinking_or_Feeling": "F",
          "Judging_or_Perceiving": "P", "Values_and_Interests": ["读诗", "养猫", "周末做陶艺"]},
         "Pattern": {"Behavior_Engagement_Pattern": "最近常查询书稿排期和校对规范", "Usage_Pattern": "晚上使用较多，喜欢边聊边整理思路",
          "Emotion_Pattern": "情绪细腻，赶稿时容易焦虑", "Purchase_Pattern": "常买手工陶土和猫粮，看重口碑"},
         "Preference": {"Preferred_Styles": "温和、有条理", "Preferred_Formats": "分点列出，附简短说明",
          "Preferred_Workflows": "先给整体思路，再逐步细化"}}""",
        """
        {"Demographics": {"Name": "赵国强", "Age": 45, "Gender": "男", "Nationality": "中国", "Language": ["中文", "粤语"],
          "Career_Information": "广州一家物流公司的车队调度主管"},
         "Personality": {"Extraversion_or_Introversion": "E", "Sensing_or_Intuition": "S", "Thinking_or_Feeling": "T",
          "Judging_or_Perceiving": "J", "Values_and_Interests": ["钓鱼", "研究地图", "带儿子踢球"]},
         "Pattern": {"Behavior_Engagement_Pattern": "经常查询路况和天气，安排车辆出行", "Usage_Pattern": "白天频繁使用，问题短而急",
          "Emotion_Pattern": "急性子，遇到延误会着急", "Purchase_Pattern": "买东西讲究性价比，喜欢比价"},
         "Preference": {"Preferred_Styles": "简洁直接", "Preferred_Formats": "表格或编号清单",
          "Preferred_Workflows": "先给结论，再给理由"}}"""};

    private static final String[] EN_COMMON = {"Trip planning", "Meeting scheduling", "Fitness plan", "Recipe ideas"};
    private static final String[] EN_SPECIFIC = {"Shift recovery", "Balcony herbs", "Race preparation", "Night commute"};
    private static final String[] ZH_COMMON = {"行程规划", "会议安排", "健身计划", "菜谱推荐"};
    private static final String[] ZH_SPECIFIC = {"夜班调整", "阳台种菜", "比赛准备", "通勤路线"};
    private static final Pattern EN_SCENE = Pattern.compile("wants help with (.+?)\\.");
    private static final Pattern ZH_SCENE = Pattern.compile("想在(.+?)方面");
    private static final Pattern DETAIL_SCENE = Pattern.compile("The scene: ([^:\\n]+):");

    private final boolean chinese;

    ScriptedAnswers(boolean chinese) {
        this.chinese = chinese;
    }

    String persona(int taken) {
        return (chinese ? ZH_PERSONAS : EN_PERSONAS)[taken % 2];
    }

    String outline(String persona, int common, int specific) {
        ObjectNode outline = PersonaJson.mapper().createObjectNode();
        ideas(outline.putArray("common"), chinese ? ZH_COMMON : EN_COMMON, common, persona);
        ideas(outline.putArray("specific"), chinese ? ZH_SPECIFIC : EN_SPECIFIC, specific, persona);
        return outline.toString();
    }

    private void ideas(ArrayNode array, String[] names, int count, String persona) {
        for (int i = 0; i < count; i++) {
            array.addObject().put("name", names[i]).put("summary", chinese
                    ? persona + "这周需要" + names[i] + "方面的帮助。"
                    : persona + " needs help with " + names[i].toLowerCase() + " this week.");
        }
    }

    String detail(String persona, String system) {
        Matcher scene = DETAIL_SCENE.matcher(system);
        String name = scene.find() ? scene.group(1).strip() : "?";
        ObjectNode detail = PersonaJson.mapper().createObjectNode();
        if (chinese) {
            detail.put("scene_desc", persona + "想在" + name + "方面得到帮助，时间很紧，希望助手帮忙安排。")
                    .put("expected_response", "助手应该先确认具体需求和时间，再给出分步骤的建议，并按用户喜欢的格式呈现。")
                    .put("scene_context", "时间：下周五之前；预算：五百元；地点：家附近。");
        } else {
            detail.put("scene_desc", persona + " wants help with " + name + ". Time is short and she wants a plan.")
                    .put("expected_response", "The assistant should first confirm the dates and the goal, then propose"
                            + " a short plan in the format the user prefers.")
                    .put("scene_context", "Deadline: next Friday. Budget: 200 dollars. Place: near home.");
        }
        ObjectNode apis = detail.putObject("available_apis");
        if (system.contains("Phone capabilities")) {
            apis.putObject("webSearch").put("description", "Search the web for the query.").putArray("arguments")
                    .add("query");
        }
        return detail.toString();
    }

    String query(String system) {
        String scene = scene(system);
        return chinese ? "帮我看看" + scene + "的事，周五前要搞定。" : "Help me with " + scene + ", I need it sorted by Friday.";
    }

    String filter(String system) {
        String scene = scene(system);
        return PersonaJson.mapper().createObjectNode().put("verdict", "keep")
                .put("reason", chinese ? "场景完整且一致。" : "The scene is complete and consistent.")
                .put("neutralized_query", chinese ? "我需要" + scene + "方面的帮助。" : "I need help with " + scene + ".")
                .toString();
    }

    private String scene(String system) {
        Matcher scene = (chinese ? ZH_SCENE : EN_SCENE).matcher(system);
        return scene.find() ? scene.group(1) : "?";
    }

    static List<String> personas(boolean chinese) {
        return List.of(chinese ? ZH_PERSONAS : EN_PERSONAS);
    }
}
