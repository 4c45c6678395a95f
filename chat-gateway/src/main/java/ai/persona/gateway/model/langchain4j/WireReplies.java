package ai.persona.gateway.model.langchain4j;

import java.util.List;
import java.util.Locale;

import dev.langchain4j.model.openai.internal.chat.AssistantMessage;
import dev.langchain4j.model.openai.internal.chat.ChatCompletionResponse;
import dev.langchain4j.model.openai.internal.chat.Delta;
import dev.langchain4j.model.openai.internal.chat.ToolCall;
import dev.langchain4j.model.openai.internal.shared.Usage;
import ai.persona.gateway.model.ModelChoice;
import ai.persona.gateway.model.ModelChunk;
import ai.persona.gateway.model.ModelMessage;
import ai.persona.gateway.model.ModelReply;
import ai.persona.gateway.model.ModelRole;
import ai.persona.gateway.model.ModelToolCall;
import ai.persona.gateway.model.ModelUsage;

/** The model's reply from langchain4j's OpenAI wire types into the gateway's records, every member that is relayed. */
final class WireReplies {

    private WireReplies() {
    }

    static ModelReply reply(ChatCompletionResponse response) {
        List<ModelChoice> choices = response.choices() == null ? List.of() : response.choices().stream()
                .map(choice -> new ModelChoice(choice.index(), message(choice.message()), choice.finishReason()))
                .toList();
        return new ModelReply(response.id(), response.created(), response.model(), choices, usage(response.usage()));
    }

    static ModelChunk chunk(ChatCompletionResponse chunk) {
        List<ModelChoice> choices = chunk.choices() == null ? List.of() : chunk.choices().stream()
                .map(choice -> new ModelChoice(choice.index(), delta(choice.delta()), choice.finishReason()))
                .toList();
        return new ModelChunk(chunk.id(), chunk.created(), chunk.model(), choices, usage(chunk.usage()));
    }

    private static ModelMessage message(AssistantMessage message) {
        if (message == null) {
            return null;
        }
        return new ModelMessage(ModelRole.ASSISTANT, message.content(), null, null, toolCalls(message.toolCalls()),
                null);
    }

    private static ModelMessage delta(Delta delta) {
        if (delta == null) {
            return null;
        }
        return new ModelMessage(role(delta.role()), delta.content(), null, null, toolCalls(delta.toolCalls()), null);
    }

    private static ModelRole role(String role) {
        if (role == null) {
            return null;
        }
        try {
            return ModelRole.valueOf(role.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return ModelRole.ASSISTANT;
        }
    }

    private static List<ModelToolCall> toolCalls(List<ToolCall> calls) {
        if (calls == null || calls.isEmpty()) {
            return null;
        }
        return calls.stream()
                .map(call -> new ModelToolCall(call.index(), call.id(),
                        call.type() == null ? null : call.type().name().toLowerCase(Locale.ROOT),
                        call.function() == null ? null : call.function().name(),
                        call.function() == null ? null : call.function().arguments()))
                .toList();
    }

    private static ModelUsage usage(Usage usage) {
        return usage == null ? null
                : new ModelUsage(usage.promptTokens(), usage.completionTokens(), usage.totalTokens());
    }
}
