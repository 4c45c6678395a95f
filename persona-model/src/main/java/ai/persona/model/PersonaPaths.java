package ai.persona.model;

import java.util.List;

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
}
