package ai.persona.benchgen.check;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Finds a persona that nearly repeats one already kept. The measure is the cosine similarity of character-bigram counts
 * of the two personas' text (names left out), not an embedding: langchain4j's in-process embedding models here are
 * English-only (all-MiniLM-L6-v2) or Chinese-only (bge-small-zh), and bigrams work alike in any script. It catches
 * copies and light rewordings of a persona, not the same person described in other words.
 */
public final class NearDuplicates {

    private final double threshold;
    private final Map<String, Map<String, Integer>> kept = new HashMap<>();

    public NearDuplicates(double threshold) {
        this.threshold = threshold;
    }

    public void keep(String key, JsonNode persona) {
        kept.put(key, bigrams(PersonaText.of(persona, true)));
    }

    /** The most similar kept persona at or above the threshold, if any. */
    public Optional<Match> nearest(JsonNode persona) {
        Map<String, Integer> candidate = bigrams(PersonaText.of(persona, true));
        Match best = null;
        for (Map.Entry<String, Map<String, Integer>> other : kept.entrySet()) {
            double similarity = cosine(candidate, other.getValue());
            if (similarity >= threshold && (best == null || similarity > best.similarity())) {
                best = new Match(other.getKey(), similarity);
            }
        }
        return Optional.ofNullable(best);
    }

    static Map<String, Integer> bigrams(String text) {
        String normalized = text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        Map<String, Integer> counts = new HashMap<>();
        int[] codePoints = normalized.codePoints().toArray();
        for (int i = 0; i + 1 < codePoints.length; i++) {
            counts.merge(new String(codePoints, i, 2), 1, Integer::sum);
        }
        return counts;
    }

    static double cosine(Map<String, Integer> a, Map<String, Integer> b) {
        double dot = 0;
        for (Map.Entry<String, Integer> entry : a.entrySet()) {
            dot += entry.getValue() * (double) b.getOrDefault(entry.getKey(), 0);
        }
        double norms = Math.sqrt(squares(a)) * Math.sqrt(squares(b));
        return norms == 0 ? 0 : dot / norms;
    }

    private static double squares(Map<String, Integer> counts) {
        return counts.values().stream().mapToDouble(v -> (double) v * v).sum();
    }

    /** A kept persona and how similar the candidate is to it (0-1). */
    public record Match(String key, double similarity) {
    }
}
