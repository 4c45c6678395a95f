package ai.persona.updater.llm;

import java.util.ArrayList;
import java.util.List;

import ai.persona.events.ChatMessage;
import ai.persona.events.ConversationCompleted;
import ai.persona.events.MessageRole;

/**
 * Writes a batch's conversations for the optimizer. Only user and assistant turns with text are shown: system prompts
 * and tool output are never evidence about the user, and leaving them out also keeps them from being mistaken for it.
 * Every message starts with its role label at the start of a line and its further lines are indented, so no text
 * inside a message can pass itself off as a turn of the other role.
 */
final class TranscriptRenderer {

    static final String ELLIPSIS = " […]";
    private static final String INDENT = "    ";

    /**
     * How much of the transcript is shown.
     *
     * @param assistantChars longest assistant turn shown; 0 leaves assistant turns out
     * @param userChars longest user turn
     * @param droppedMessages how many of the oldest shown messages are left out
     */
    record Cut(int assistantChars, int userChars, int droppedMessages) {
    }

    private record Turn(int session, MessageRole role, String text) {
    }

    private final List<ConversationCompleted> sessions;
    private final List<Turn> turns = new ArrayList<>();

    TranscriptRenderer(List<ConversationCompleted> sessions) {
        this.sessions = sessions;
        for (int i = 0; i < sessions.size(); i++) {
            for (ChatMessage message : sessions.get(i).messages()) {
                boolean shown = message.role() == MessageRole.USER || message.role() == MessageRole.ASSISTANT;
                if (shown && message.content() != null && !message.content().isBlank()) {
                    turns.add(new Turn(i, message.role(), message.content().strip()));
                }
            }
        }
    }

    int longestUserTurn() {
        return longest(MessageRole.USER);
    }

    int longestAssistantTurn() {
        return longest(MessageRole.ASSISTANT);
    }

    private int longest(MessageRole role) {
        return turns.stream().filter(t -> t.role() == role).mapToInt(t -> t.text().length()).max().orElse(0);
    }

    int turnCount() {
        return turns.size();
    }

    String render(Cut cut) {
        StringBuilder text = new StringBuilder();
        int skipped = 0;
        int session = -1;
        for (Turn turn : turns) {
            boolean assistant = turn.role() == MessageRole.ASSISTANT;
            if (assistant && cut.assistantChars() == 0) {
                continue;
            }
            if (skipped < cut.droppedMessages()) {
                skipped++;
                continue;
            }
            if (turn.session() != session) {
                session = turn.session();
                ConversationCompleted s = sessions.get(session);
                text.append("\n### Conversation ").append(session + 1).append(" of ").append(sessions.size())
                        .append(" (ended ").append(s.endedAt()).append(")\n");
            }
            int limit = assistant ? cut.assistantChars() : cut.userChars();
            text.append(assistant ? "ASSISTANT: " : "USER: ").append(indented(shorten(turn.text(), limit))).append('\n');
        }
        if (cut.droppedMessages() > 0) {
            text.insert(0, "(" + cut.droppedMessages() + " earlier messages left out to fit the size limit)\n");
        }
        return text.length() == 0 ? "(no messages)" : text.toString().stripLeading();
    }

    static String shorten(String text, int limit) {
        if (text.length() <= limit) {
            return text;
        }
        // never split a surrogate pair: a lone half would be an invalid character in the request
        int end = Character.isLowSurrogate(text.charAt(limit)) ? limit - 1 : limit;
        return text.substring(0, Math.max(0, end)) + ELLIPSIS;
    }

    private static String indented(String text) {
        return text.replace("\r\n", "\n").replace("\n", "\n" + INDENT);
    }
}
