package ai.persona.gateway.service;

import java.util.stream.Collectors;

import ai.persona.events.ChatMessage;
import ai.persona.events.MessageRole;
import ai.persona.gateway.client.SessionRecord;
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
    static String userText(SessionRecord session) {
        return session.messagesOrEmpty().stream()
                .filter(m -> m.role() == MessageRole.USER && m.content() != null)
                .map(ChatMessage::content)
                .collect(Collectors.joining("\n"));
    }

    /**
     * The header, then the turns as "user: ..." / "assistant: ...", within the token budget. The opening of a
     * conversation says what it was about, so later turns are what the budget leaves out; the turn that overflows is
     * cut rather than dropped, so a long first message still shows. Null when not a single turn fits.
     */
    static String render(String header, int tokenBudget, SessionRecord session) {
        StringBuilder block = new StringBuilder(header);
        int left = tokenBudget - TokenCounter.count(header);
        int turns = 0;
        for (ChatMessage message : session.messagesOrEmpty()) {
            if (!spoken(message)) {
                continue;
            }
            String prefix = "\n" + (message.role() == MessageRole.USER ? "user: " : "assistant: ");
            String line = prefix + message.content();
            int tokens = TokenCounter.count(line);
            if (tokens > left) {
                String cut = cut(line, left);
                if (cut.length() > prefix.length() + CUT.length()) {
                    block.append(cut);
                    turns++;
                }
                break;
            }
            block.append(line);
            left -= tokens;
            turns++;
        }
        return turns == 0 ? null : block.toString();
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
