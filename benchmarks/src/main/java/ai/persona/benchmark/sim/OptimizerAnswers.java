package ai.persona.benchmark.sim;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.persona.model.PersonaJson;

/**
 * The optimizer's side of the simulator: each batch updates one of eight text fields of the paper's schema, in turn, with
 * a value that names the batch. A persona therefore grows to eight fields and stays there, as a conservative
 * optimizer's would, and every batch changes it (so every batch makes a version).
 */
final class OptimizerAnswers {

    private static final List<String[]> FIELDS = List.of(
            new String[] { "Demographics", "Career_Information", "在杭州经营一家小茶馆" },
            new String[] { "Pattern", "Behavior_Engagement_Pattern", "晚上九点后集中提问" },
            new String[] { "Pattern", "Usage_Pattern", "常问茶叶和经营问题" },
            new String[] { "Pattern", "Emotion_Pattern", "语气平和，偶尔着急" },
            new String[] { "Pattern", "Purchase_Pattern", "偏好小众产地的茶" },
            new String[] { "Preference", "Preferred_Styles", "简洁，先给结论" },
            new String[] { "Preference", "Preferred_Formats", "短列表" },
            new String[] { "Preference", "Preferred_Workflows", "先给方案再解释原因" });
    private static final Pattern BATCH = Pattern.compile("（批次(\\d+)）");

    String next(String request) {
        int batch = 0;
        Matcher seen = BATCH.matcher(request);
        while (seen.find()) {
            batch = Math.max(batch, Integer.parseInt(seen.group(1)));
        }
        String[] field = FIELDS.get(batch % FIELDS.size());
        ObjectNode op = PersonaJson.mapper().createObjectNode()
                .put("action", "update_field")
                .put("section", field[0])
                .put("field", field[1])
                .put("value", field[2] + "（批次" + (batch + 1) + "）")
                .put("reason", "用户在最近的对话里提到");
        ObjectNode answer = PersonaJson.mapper().createObjectNode();
        answer.putArray("operations").add(op);
        return answer.toString();
    }
}
