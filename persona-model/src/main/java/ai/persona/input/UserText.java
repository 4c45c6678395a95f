package ai.persona.input;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The one rule for what a text value may contain (a message, a tool call's arguments, a persona value or key, a
 * reason): anything but a NUL, which PostgreSQL's text and jsonb refuse, and a lone surrogate, which is not text and
 * would be stored as {@code ?}. Newlines, tabs and every script are text.
 */
public final class UserText {

    private UserText() {
    }

    /** A found problem: where (a JSON Pointer into the checked document, "" for the value itself) and what. */
    public record Problem(String pointer, String detail) {
    }

    /** Why {@code text} cannot be stored, as a phrase that follows its name; empty when it can (null can). */
    public static Optional<String> problem(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int nul = text.indexOf('\u0000');
        if (nul >= 0) {
            return Optional.of("must not contain a NUL character (U+0000 at " + nul + ")");
        }
        return loneSurrogate(text).map(at -> "must not contain a lone surrogate (at " + at + "); send valid UTF-16");
    }

    /** The first string in a JSON document, value or member name, that cannot be stored; empty when there is none. */
    public static Optional<Problem> firstProblem(JsonNode document) {
        return firstProblem(document, "");
    }

    private static Optional<Problem> firstProblem(JsonNode node, String pointer) {
        if (node == null) {
            return Optional.empty();
        }
        if (node.isTextual()) {
            return problem(node.textValue()).map(detail -> new Problem(pointer, detail));
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Optional<Problem> found = firstProblem(node.get(i), pointer + "/" + i);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> members = node.fields(); members.hasNext();) {
                Map.Entry<String, JsonNode> member = members.next();
                String at = pointer + "/" + member.getKey().replace("~", "~0").replace("/", "~1");
                Optional<String> inName = problem(member.getKey());
                if (inName.isPresent()) {
                    return Optional.of(new Problem(LogText.escape(at), "a member name " + inName.get()));
                }
                Optional<Problem> found = firstProblem(member.getValue(), at);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** Where the first lone surrogate is, if any. */
    static Optional<Integer> loneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }
}
