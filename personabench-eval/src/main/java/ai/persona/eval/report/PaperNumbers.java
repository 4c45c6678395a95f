package ai.persona.eval.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The paper's GPT-4o figures from its Table 1 (all six rows, as quoted in the PersonaBench data's README), shown beside
 * ours. Keyed by this tool's setting ids.
 */
public final class PaperNumbers {

    /** helpfulness, personalization, utterances, persona similarity (null: not reported for that row). */
    public record Figures(String label, double helpfulness, double personalization, double utterances,
            Double similarity) {
    }

    private static final Map<String, Figures> GPT_4O = table();

    private PaperNumbers() {
    }

    public static Figures gpt4o(String setting) {
        return GPT_4O.get(setting);
    }

    /** The rows in the paper's order. */
    public static Map<String, Figures> all() {
        return GPT_4O;
    }

    private static Map<String, Figures> table() {
        Map<String, Figures> rows = new LinkedHashMap<>();
        rows.put("rag", new Figures("Conversations RAG", 8.07, 7.48, 2.89, null));
        rows.put("no-persona", new Figures("No Persona", 7.96, 7.35, 2.24, null));
        rows.put("golden", new Figures("Golden Persona", 8.34, 7.78, 1.78, null));
        rows.put("learning-1", new Figures("Persona Learning (k=1)", 8.09, 7.59, 1.98, 5.88));
        rows.put("learning-3", new Figures("Persona Learning (k=3)", 8.29, 7.63, 1.81, 6.07));
        rows.put("learning-5", new Figures("Persona Learning (k=5)", 8.03, 7.59, 2.15, 5.23));
        return Collections.unmodifiableMap(rows);
    }
}
