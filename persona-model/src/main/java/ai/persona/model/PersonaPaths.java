package ai.persona.model;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/** Comparing the places in a persona that patches touch. */
public final class PersonaPaths {

    private PersonaPaths() {
    }

    /**
     * Whether two JSON Pointers concern the same field. Compared at field granularity (a list item counts as its list), and
     * a whole section overlaps each of its fields, so a conflict is never missed.
     */
    public static boolean overlap(String a, String b) {
        List<String> left = fieldLevel(a);
        List<String> right = fieldLevel(b);
        int common = Math.min(left.size(), right.size());
        return left.subList(0, common).equals(right.subList(0, common));
    }

    private static List<String> fieldLevel(String path) {
        List<String> segments = PersonaValidator.segments(path);
        if (segments == null) {
            return List.of();
        }
        return segments.size() > 2 ? segments.subList(0, 2) : segments;
    }

    /** The fields ({@code /Section/Field}) whose values differ between two personas, including added and removed ones. */
    public static Set<String> changedFields(JsonNode before, JsonNode after) {
        Set<String> changed = new LinkedHashSet<>();
        collect(before, after, changed);
        collect(after, before, changed);
        return changed;
    }

    private static void collect(JsonNode from, JsonNode to, Set<String> changed) {
        if (from == null) {
            return;
        }
        for (Map.Entry<String, JsonNode> section : from.properties()) {
            JsonNode other = to == null ? null : to.get(section.getKey());
            for (Map.Entry<String, JsonNode> field : section.getValue().properties()) {
                JsonNode otherValue = other == null ? null : other.get(field.getKey());
                if (!field.getValue().equals(otherValue)) {
                    changed.add("/" + PersonaValidator.escape(section.getKey()) + "/"
                            + PersonaValidator.escape(field.getKey()));
                }
            }
        }
    }
}
