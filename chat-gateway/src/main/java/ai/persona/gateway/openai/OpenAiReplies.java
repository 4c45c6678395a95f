package ai.persona.gateway.openai;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.TextNode;

import dev.langchain4j.model.openai.internal.chat.AssistantMessage;
import dev.langchain4j.model.openai.internal.chat.ChatCompletionChoice;
import dev.langchain4j.model.openai.internal.chat.ChatCompletionResponse;
import dev.langchain4j.model.openai.internal.chat.Delta;
import dev.langchain4j.model.openai.internal.chat.ToolCall;
import dev.langchain4j.model.openai.internal.shared.Usage;

/** The model's reply in OpenAI's wire format, as relayed to the client: the model's content and tool calls unchanged. */
public final class OpenAiReplies {

    private OpenAiReplies() {
    }

    public static ChatCompletion completion(ChatCompletionResponse response, String model) {
        List<ChatCompletion.Choice> choices = response.choices() == null ? List.of() : response.choices().stream()
                .map(choice -> new ChatCompletion.Choice(index(choice), message(choice.message()), null,
                        choice.finishReason()))
                .toList();
        return new ChatCompletion(id(response), ChatCompletion.COMPLETION, created(response), model, choices,
                usage(response.usage()));
    }

    public static ChatCompletion chunk(ChatCompletionResponse chunk, String model) {
        List<ChatCompletion.Choice> choices = chunk.choices() == null ? List.of() : chunk.choices().stream()
                .map(choice -> new ChatCompletion.Choice(index(choice), null, delta(choice.delta()),
                        choice.finishReason()))
                .toList();
        return new ChatCompletion(id(chunk), ChatCompletion.CHUNK, created(chunk), model, choices, usage(chunk.usage()));
    }

    private static OpenAiMessage message(AssistantMessage message) {
        if (message == null) {
            return new OpenAiMessage("assistant", null, null, null, null);
        }
        return new OpenAiMessage("assistant", message.content() == null ? null : TextNode.valueOf(message.content()),
                null, toolCalls(message.toolCalls()), null);
    }

    private static OpenAiMessage delta(Delta delta) {
        if (delta == null) {
            return new OpenAiMessage(null, null, null, null, null);
        }
        return new OpenAiMessage(delta.role(), delta.content() == null ? null : TextNode.valueOf(delta.content()),
                null, toolCalls(delta.toolCalls()), null);
    }

    private static List<OpenAiMessage.ToolCallWire> toolCalls(List<ToolCall> calls) {
        if (calls == null || calls.isEmpty()) {
            return null;
        }
        return calls.stream()
                .map(call -> new OpenAiMessage.ToolCallWire(call.index(), call.id(),
                        call.type() == null ? null : call.type().name().toLowerCase(java.util.Locale.ROOT),
                        call.function() == null ? null
                                : new OpenAiMessage.FunctionWire(call.function().name(), call.function().arguments())))
                .toList();
    }

    private static ChatCompletion.Usage usage(Usage usage) {
        if (usage == null) {
            return null;
        }
        int prompt = usage.promptTokens() == null ? 0 : usage.promptTokens();
        int completion = usage.completionTokens() == null ? 0 : usage.completionTokens();
        return new ChatCompletion.Usage(prompt, completion, usage.totalTokens() == null ? prompt + completion
                : usage.totalTokens());
    }

    private static int index(ChatCompletionChoice choice) {
        return choice.index() == null ? 0 : choice.index();
    }

    private static String id(ChatCompletionResponse response) {
        return response.id() != null ? response.id() : "chatcmpl-" + UUID.randomUUID();
    }

    private static long created(ChatCompletionResponse response) {
        return response.created() != null ? response.created() : Instant.now().getEpochSecond();
    }
}
