package ai.persona.session.service;

import java.util.List;

import ai.persona.events.ChatMessage;
import ai.persona.events.ToolCall;
import ai.persona.input.UserText;
import ai.persona.runtime.problem.ProblemException;

/**
 * Holds a message's strings to the rule every service shares for text: PostgreSQL's text refuses a NUL (the whole
 * append failed with a 500), and a lone surrogate was silently stored as {@code ?}. The field is named as the client
 * sent it, so a client can point at its input.
 */
final class MessageTexts {

    private MessageTexts() {
    }

    static void check(List<ChatMessage> messages) {
        for (int i = 0; i < messages.size(); i++) {
            ChatMessage message = messages.get(i);
            String at = "messages[" + i + "].";
            check(at + "content", message.content());
            check(at + "toolCallId", message.toolCallId());
            List<ToolCall> calls = message.toolCalls();
            for (int c = 0; c < calls.size(); c++) {
                String call = at + "toolCalls[" + c + "].";
                check(call + "id", calls.get(c).id());
                check(call + "name", calls.get(c).name());
                check(call + "arguments", calls.get(c).arguments());
            }
        }
    }

    private static void check(String field, String text) {
        UserText.problem(text).ifPresent(problem -> {
            throw ProblemException.badField(field, field + " " + problem);
        });
    }
}
