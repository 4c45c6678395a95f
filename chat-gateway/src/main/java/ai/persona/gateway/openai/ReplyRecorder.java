package ai.persona.gateway.openai;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import ai.persona.events.ChatMessage;
import ai.persona.events.MessageRole;
import ai.persona.gateway.model.ModelMessage;
import ai.persona.gateway.model.ModelOutput;
import ai.persona.gateway.model.ModelToolCall;

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

    /** A whole reply, or the next chunk of a streamed one. */
    public void add(ModelOutput output) {
        ModelMessage message = output.firstMessage();
        if (message != null) {
            append(message.text(), message.toolCalls());
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

    private void append(String content, List<ModelToolCall> toolCalls) {
        if (content != null) {
            text.append(content);
        }
        if (toolCalls == null) {
            return;
        }
        for (int i = 0; i < toolCalls.size(); i++) {
            ModelToolCall call = toolCalls.get(i);
            PartialCall partial = calls.computeIfAbsent(call.index() == null ? i : call.index(), k -> new PartialCall());
            if (call.id() != null) {
                partial.id = call.id();
            }
            if (call.name() != null) {
                partial.name = call.name();
            }
            if (call.arguments() != null) {
                partial.arguments.append(call.arguments());
            }
        }
    }
}
