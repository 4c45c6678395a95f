package ai.persona.gateway.openai;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.langchain4j.model.openai.internal.chat.ChatCompletionChoice;
import dev.langchain4j.model.openai.internal.chat.ChatCompletionResponse;
import dev.langchain4j.model.openai.internal.chat.ToolCall;
import ai.persona.events.ChatMessage;
import ai.persona.events.MessageRole;

/**
 * Collects the assistant's reply (first choice) for the session: text, and tool calls that a stream delivers in pieces
 * (id and name first, arguments in fragments, all under one index).
 */
public final class ReplyRecorder {

    private final StringBuilder text = new StringBuilder();
    private final Map<Integer, PartialCall> calls = new TreeMap<>();

    private static final class PartialCall {
        String id;
        String name;
        final StringBuilder arguments = new StringBuilder();
    }

    public void add(ChatCompletionResponse response) {
        if (response.choices() == null || response.choices().isEmpty()) {
            return;
        }
        ChatCompletionChoice choice = response.choices().get(0);
        if (choice.message() != null) {
            append(choice.message().content(), choice.message().toolCalls());
        }
        if (choice.delta() != null) {
            append(choice.delta().content(), choice.delta().toolCalls());
        }
    }

    /** The reply to store; empty when the model said nothing. */
    public java.util.Optional<ChatMessage> message(Instant at) {
        List<ai.persona.events.ToolCall> toolCalls = new ArrayList<>();
        calls.values().forEach(call -> toolCalls.add(new ai.persona.events.ToolCall(call.id, call.name,
                call.arguments.toString())));
        if (text.isEmpty() && toolCalls.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new ChatMessage(MessageRole.ASSISTANT, text.isEmpty() ? null : text.toString(), at,
                toolCalls, null));
    }

    private void append(String content, List<ToolCall> toolCalls) {
        if (content != null) {
            text.append(content);
        }
        if (toolCalls == null) {
            return;
        }
        for (int i = 0; i < toolCalls.size(); i++) {
            ToolCall call = toolCalls.get(i);
            PartialCall partial = calls.computeIfAbsent(call.index() == null ? i : call.index(), k -> new PartialCall());
            if (call.id() != null) {
                partial.id = call.id();
            }
            if (call.function() != null && call.function().name() != null) {
                partial.name = call.function().name();
            }
            if (call.function() != null && call.function().arguments() != null) {
                partial.arguments.append(call.function().arguments());
            }
        }
    }
}
