package ai.persona.eval.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One cohort of the paper's evaluation. Each is a set of users the tool creates, one per persona, configured through
 * the services' own settings: No Persona, Golden Persona, Persona Learning with k, Conversations RAG.
 *
 * @param id how the setting is named on the command line and in result files: {@code no-persona}, {@code golden},
 *        {@code learning-3}, {@code rag}
 * @param k sessions per persona update for {@link Kind#LEARNING}; 0 otherwise
 */
public record Setting(String id, Kind kind, int k) {

    private static final Pattern LEARNING = Pattern.compile("learning-(\\d{1,2})");

    public enum Kind {
        NO_PERSONA,
        GOLDEN,
        LEARNING,
        RAG
    }

    public static Setting parse(String text) {
        String id = text.trim().toLowerCase(Locale.ROOT);
        Matcher learning = LEARNING.matcher(id);
        if (learning.matches() && Integer.parseInt(learning.group(1)) >= 1) {
            return new Setting(id, Kind.LEARNING, Integer.parseInt(learning.group(1)));
        }
        return switch (id) {
            case "no-persona" -> new Setting(id, Kind.NO_PERSONA, 0);
            case "golden" -> new Setting(id, Kind.GOLDEN, 0);
            case "rag" -> new Setting(id, Kind.RAG, 0);
            default -> throw new IllegalArgumentException("unknown setting '" + text
                    + "': use no-persona, golden, rag or learning-<k> (k >= 1)");
        };
    }

    public boolean learns() {
        return kind == Kind.LEARNING;
    }

    /** The row label of the report's table, as the paper names the settings. */
    public String label() {
        return switch (kind) {
            case NO_PERSONA -> "No Persona";
            case GOLDEN -> "Golden Persona";
            case LEARNING -> "Persona Learning (k=" + k + ")";
            case RAG -> "Conversations RAG";
        };
    }
}
