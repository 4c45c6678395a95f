package ai.persona.eval.report;

import java.util.Map;

/**
 * The paper's GPT-4o figures from its Table 1, as quoted in the PersonaBench data's README, shown beside ours. Only
 * the rows quoted there are here; the others are left blank rather than recalled from memory.
 */
public final class PaperNumbers {

    /** helpfulness, personalization, utterances, persona similarity (null: not reported for that row). */
    public record Figures(double helpfulness, double personalization, double utterances, Double similarity) {
    }

    private static final Map<String, Figures> GPT_4O = Map.of(
            "golden", new Figures(8.34, 7.78, 1.78, null),
            "learning-3", new Figures(8.29, 7.63, 1.81, 6.07),
            "no-persona", new Figures(7.96, 7.35, 2.24, null));

    private PaperNumbers() {
    }

    public static Figures gpt4o(String setting) {
        return GPT_4O.get(setting);
    }
}
