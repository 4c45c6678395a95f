package ai.persona.benchgen.llm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ai.persona.model.TokenCounter;

/**
 * A stage's prompt, from {@code prompts/<name>.txt}: header comment lines ({@code #}) first, never sent; then the system
 * part, a {@code === user ===} line, and the user part; {@code {{name}}} marks a value filled in per unit.
 */
public final class Prompt {

    private static final String USER_MARK = "=== user ===";
    private static final Pattern SLOT = Pattern.compile("\\{\\{([a-z_]+)}}");

    private final String name;
    private final String system;
    private final String user;

    private Prompt(String name, String system, String user) {
        this.name = name;
        this.system = system;
        this.user = user;
    }

    public static Prompt load(String name) {
        String resource = "/ai/persona/benchgen/prompts/" + name + ".txt";
        try (InputStream in = Prompt.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no prompt " + resource);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
            while (text.startsWith("#")) {
                text = text.substring(text.indexOf('\n') + 1);
            }
            int mark = text.indexOf(USER_MARK);
            if (mark < 0) {
                throw new IllegalStateException(resource + " has no '" + USER_MARK + "' line");
            }
            return new Prompt(name, text.substring(0, mark).strip(), text.substring(mark + USER_MARK.length()).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    public Text fill(Map<String, String> values) {
        return new Text(fill(system, values), fill(user, values));
    }

    /** Tokens of the prompt's own words, without the values filled in: the base of the dry run's estimate. */
    public int fixedTokens() {
        return TokenCounter.count(SLOT.matcher(system).replaceAll("")) + TokenCounter.count(SLOT.matcher(user).replaceAll(""));
    }

    private String fill(String template, Map<String, String> values) {
        Matcher slot = SLOT.matcher(template);
        StringBuilder text = new StringBuilder();
        while (slot.find()) {
            String value = values.get(slot.group(1));
            if (value == null) {
                throw new IllegalStateException("prompt " + name + " needs a value for {{" + slot.group(1) + "}}");
            }
            slot.appendReplacement(text, Matcher.quoteReplacement(value));
        }
        slot.appendTail(text);
        return text.toString();
    }

    /** A filled prompt, as sent. */
    public record Text(String system, String user) {
    }
}
