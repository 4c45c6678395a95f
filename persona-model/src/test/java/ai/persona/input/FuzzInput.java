package ai.persona.input;

import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Generated bad input from a seed: strings with control characters, NULs, lone surrogates, separators, slashes and
 * every script; huge and odd numbers; nulls and values of the wrong JSON type. JSON is written by hand, every character
 * outside printable ASCII as a backslash-u escape, so a lone surrogate reaches the server as sent rather than
 * being replaced while encoding to UTF-8.
 */
public final class FuzzInput {

    private static final List<String> NASTY = List.of("\u0000", "\n", "\r\n", "\t", "\u001b[31m", "\u007f", "\u0085",
            "\u2028", "\u2029", "\ud800", "\udfff", "\udbff", "/", "..", "~2", "~", "%00", "%0A", "\\", "\"", "'", " ",
            "", "null", "{}", "[]", "-1", "2147483647", "9223372036854775808", "1e309", "东京", "José-Müller",
            "auth0|5f7c8e", "a+b@example.com", "😀", "\u202e", "<script>", "${jndi:x}");
    private static final List<String> NUMBERS = List.of("0", "-1", "1", "2147483647", "2147483648", "-2147483649",
            "9223372036854775807", "9223372036854775808", "99999999999999999999999999", "1e308", "1e309", "-0", "0.5",
            "1E2", "NaN");

    private final Random random;

    public FuzzInput(long seed) {
        this.random = new Random(seed);
    }

    public int below(int bound) {
        return random.nextInt(bound);
    }

    public boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    @SafeVarargs
    public final <T> T oneOf(T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    /** A string: plain, nasty, or plain with nasty parts in it; now and then long. */
    public String string() {
        return switch (random.nextInt(6)) {
            case 0 -> "w" + Integer.toString(random.nextInt(1_000_000), 36);
            case 1 -> NASTY.get(random.nextInt(NASTY.size()));
            case 2 -> "x".repeat(random.nextInt(3) == 0 ? 5_000 : 201);
            default -> {
                StringBuilder text = new StringBuilder("v");
                for (int i = random.nextInt(4); i >= 0; i--) {
                    text.append(NASTY.get(random.nextInt(NASTY.size()))).append((char) ('a' + random.nextInt(26)));
                }
                yield text.toString();
            }
        };
    }

    /** What a query parameter or path segment might carry: a number, odd or not, or any string. */
    public String numberOrString() {
        return chance(70) ? NUMBERS.get(random.nextInt(NUMBERS.size())) : string();
    }

    /** Printable ASCII only: what an HTTP client sends in a header at all. */
    public String headerValue() {
        String value = string().chars().filter(c -> c >= 0x20 && c < 0x7f)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return value.isBlank() ? "\"" + numberOrString().replaceAll("[^ -~]", "") + "\"" : value;
    }

    /** Any JSON value, a wrong type as likely as a right one. */
    public String value(int depth) {
        return switch (random.nextInt(depth > 2 ? 5 : 7)) {
            case 0 -> "null";
            case 1 -> oneOf("true", "false");
            case 2 -> NUMBERS.get(random.nextInt(NUMBERS.size())).replace("NaN", "0");
            case 3, 4 -> quoted(string());
            case 5 -> array(() -> value(depth + 1));
            default -> object(depth + 1);
        };
    }

    public String object(int depth) {
        StringBuilder json = new StringBuilder("{");
        for (int i = random.nextInt(3); i > 0; i--) {
            json.append(json.length() > 1 ? "," : "").append(quoted(string())).append(':').append(value(depth + 1));
        }
        return json.append('}').toString();
    }

    public String array(Supplier<String> item) {
        StringBuilder json = new StringBuilder("[");
        for (int i = random.nextInt(4); i > 0; i--) {
            json.append(json.length() > 1 ? "," : "").append(item.get());
        }
        return json.append(']').toString();
    }

    /** Either the given well-shaped value or, one time in three, any value at all. */
    public String or(String wellShaped) {
        return chance(33) ? value(1) : wellShaped;
    }

    /** A body: mostly the given object's members, sometimes not JSON or not an object at all. */
    public String body(String wellShaped) {
        return switch (random.nextInt(10)) {
            case 0 -> oneOf("", "{", "not json", "{\"a\":}", "[" + "[".repeat(2_000));
            case 1 -> value(0);
            default -> wellShaped;
        };
    }

    public static String quoted(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }
}
