package ai.persona.input;

import java.util.List;
import java.util.Optional;

import ai.persona.events.ChatMessage;
import ai.persona.events.ToolCall;

/**
 * Holds a conversation's strings to the rule every service shares for text ({@link UserText}): PostgreSQL's text
 * refuses a NUL, and a lone surrogate would be stored as {@code ?}. The gateway checks a posted conversation by it before
 * it answers, session-service every message before it stores it: one rule, so nothing the gateway accepted is dropped
 * downstream. The field is named as the client sent it, so a client can point at its input.
 */
public final class MessageTexts {

    /** A string that cannot be stored: its field ({@code messages[1].toolCalls[0].arguments}) and why. */
    public record Problem(String field, String detail) {
    }

    private MessageTexts() {
    }

    /** The first string in the messages that cannot be stored; empty when there is none. */
    public static Optional<Problem> firstProblem(List<ChatMessage> messages) {
        for (int i = 0; i < messages.size(); i++) {
            ChatMessage message = messages.get(i);
            String at = "messages[" + i + "].";
            Optional<Problem> problem = problem(at + "content", message.content())
                    .or(() -> problem(at + "toolCallId", message.toolCallId()))
                    .or(() -> firstProblem(at, message.toolCalls()));
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private static Optional<Problem> firstProblem(String at, List<ToolCall> calls) {
        for (int c = 0; c < calls.size(); c++) {
            String call = at + "toolCalls[" + c + "].";
            ToolCall toolCall = calls.get(c);
            Optional<Problem> problem = problem(call + "id", toolCall.id())
                    .or(() -> problem(call + "name", toolCall.name()))
                    .or(() -> problem(call + "arguments", toolCall.arguments()));
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private static Optional<Problem> problem(String field, String text) {
        return UserText.problem(text).map(detail -> new Problem(field, field + " " + detail));
    }
}
