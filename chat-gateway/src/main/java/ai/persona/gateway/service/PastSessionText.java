package ai.persona.gateway.service;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import ai.persona.events.ChatMessage;
import ai.persona.events.MessageRole;
import ai.persona.gateway.client.SessionView;
import ai.persona.model.TokenCounter;

/** The text of a past session: what its embedding is computed from, and the block the model is given. */
final class PastSessionText {

    private static final String CUT = " …";

    private PastSessionText() {
    }

    /**
     * What the session is embedded as: the user's own messages only. The query is something the user said, and the
     * assistant's longer, generic phrasing ("Sure! Here are some tips...") would pull all sessions towards each other.
     */
    static String userText(SessionView session) {
        return session.messagesOrEmpty().stream()
                .filter(m -> m.role() == MessageRole.USER && m.content() != null)
                .map(ChatMessage::content)
                .collect(Collectors.joining("\n"));
    }

    /**
     * The header, then the turns as "user: ..." / "assistant: ...", in their order: the whole session when it fits
     * the token budget. When it does not, the user's own messages are kept first (what they asked, and their later
     * corrections, are what the session says about them), then the assistant's replies in order while the budget
     * lasts; the turn that overflows is cut rather than dropped, so a long first message still shows. Null when not a
     * single turn fits.
     */
    static String render(String header, int tokenBudget, SessionView session) {
        List<String> lines = new ArrayList<>();
        List<Boolean> fromUser = new ArrayList<>();
        for (ChatMessage message : session.messagesOrEmpty()) {
            if (spoken(message)) {
                boolean user = message.role() == MessageRole.USER;
                lines.add("\n" + (user ? "user: " : "assistant: ") + message.content());
                fromUser.add(user);
            }
        }
        String[] kept = new String[lines.size()];
        int left = tokenBudget - TokenCounter.count(header);
        left = keep(lines, fromUser, true, kept, left);
        if (left > 0) {
            keep(lines, fromUser, false, kept, left);
        }
        StringBuilder block = new StringBuilder(header);
        int turns = 0;
        for (String line : kept) {
            if (line != null) {
                block.append(line);
                turns++;
            }
        }
        return turns == 0 ? null : block.toString();
    }

    /** Keeps the lines of one side in order while they fit; the first that does not is cut, and the side ends. */
    private static int keep(List<String> lines, List<Boolean> fromUser, boolean user, String[] kept, int left) {
        for (int i = 0; i < lines.size(); i++) {
            if (fromUser.get(i) != user) {
                continue;
            }
            String line = lines.get(i);
            int tokens = TokenCounter.count(line);
            if (tokens > left) {
                String cut = cut(line, left);
                int prefix = line.indexOf(": ") + 2;
                if (cut.length() > prefix + CUT.length()) {
                    kept[i] = cut;
                }
                return 0;
            }
            kept[i] = line;
            left -= tokens;
        }
        return left;
    }

    // tool calls and their results are the client's machinery, not what the conversation was about
    private static boolean spoken(ChatMessage message) {
        return (message.role() == MessageRole.USER || message.role() == MessageRole.ASSISTANT)
                && message.content() != null && !message.content().isBlank();
    }

    /** The longest beginning of the line that fits in the tokens left, marked as cut; empty when none does. */
    static String cut(String line, int tokens) {
        if (tokens <= TokenCounter.count(CUT)) {
            return "";
        }
        int fits = 0;
        int tooLong = line.length();
        while (tooLong - fits > 1) {
            int middle = (fits + tooLong) >>> 1;
            if (TokenCounter.count(line.substring(0, middle) + CUT) <= tokens) {
                fits = middle;
            } else {
                tooLong = middle;
            }
        }
        if (fits > 0 && Character.isHighSurrogate(line.charAt(fits - 1))) {
            fits--;
        }
        return fits == 0 ? "" : line.substring(0, fits) + CUT;
    }
}
