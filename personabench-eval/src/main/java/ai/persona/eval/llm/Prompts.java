package ai.persona.eval.llm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The roles' prompts, kept as text files under {@code prompts/} so they can be read and changed without the code.
 * Placeholders are {@code {{name}}}; values are inserted in one pass, so a value that itself contains braces (a persona
 * as JSON) is never expanded again. Lines starting with {@code #} at the top of a file are its header comment (what in
 * the paper or its authors' code the prompt follows, and where it departs): for the reader, never sent to a model.
 */
public final class Prompts {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");
    private static final Pattern HEADER = Pattern.compile("\\A(#[^\n]*\n)+");

    private Prompts() {
    }

    public static String render(String name, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template(name));
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException("prompt " + name + " needs {{" + matcher.group(1) + "}}");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String template(String name) {
        try (InputStream in = Prompts.class.getResourceAsStream("/prompts/" + name + ".txt")) {
            if (in == null) {
                throw new IllegalArgumentException("no prompt " + name);
            }
            return HEADER.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8)).replaceFirst("");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
