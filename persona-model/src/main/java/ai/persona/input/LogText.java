package ai.persona.input;

/**
 * A user-controlled string as it may appear in a log line: control characters, line and paragraph separators and lone
 * surrogates are written as backslash-u escapes (and a backslash as two), so no input can end a line and forge the
 * next, or break the log's encoding; long input is cut.
 */
public final class LogText {

    static final int MAX_LOGGED = 300;

    private LogText() {
    }

    public static String escape(String text) {
        if (text == null) {
            return "null";
        }
        String cut = text.length() > MAX_LOGGED ? text.substring(0, MAX_LOGGED) : text;
        StringBuilder escaped = new StringBuilder(cut.length() + 16);
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < cut.length()
                    && Character.isLowSurrogate(cut.charAt(i + 1));
            if (pair) {
                escaped.append(c).append(cut.charAt(++i));
            } else if (c == '\\') {
                escaped.append("\\\\");
            } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || Character.isSurrogate(c)) {
                escaped.append(String.format("\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return cut.length() < text.length() ? escaped.append("...(").append(text.length()).append(" chars)").toString()
                : escaped.toString();
    }
}
