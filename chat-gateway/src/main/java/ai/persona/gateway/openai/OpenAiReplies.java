package ai.persona.gateway.openai;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.TextNode;

import ai.persona.gateway.model.ModelChoice;
import ai.persona.gateway.model.ModelChunk;
import ai.persona.gateway.model.ModelMessage;
import ai.persona.gateway.model.ModelOutput;
import ai.persona.gateway.model.ModelReply;
import ai.persona.gateway.model.ModelToolCall;
import ai.persona.gateway.model.ModelUsage;

/** The model's reply in OpenAI's wire format, as relayed to the client: the model's content and tool calls unchanged. */
public final class OpenAiReplies {

    private OpenAiReplies() {
    }

    public static ChatCompletion completion(ModelReply reply, String model) {
        List<ChatCompletion.Choice> choices = choices(reply).stream()
                .map(choice -> new ChatCompletion.Choice(index(choice), message(choice.message()), null,
                        choice.finishReason()))
                .toList();
        return new ChatCompletion(id(reply), ChatCompletion.COMPLETION, created(reply), model, choices,
                usage(reply.usage()));
    }

    public static ChatCompletion chunk(ModelChunk chunk, String model) {
        List<ChatCompletion.Choice> choices = choices(chunk).stream()
                .map(choice -> new ChatCompletion.Choice(index(choice), null, delta(choice.message()),
                        choice.finishReason()))
                .toList();
        return new ChatCompletion(id(chunk), ChatCompletion.CHUNK, created(chunk), model, choices, usage(chunk.usage()));
    }

    private static OpenAiMessage message(ModelMessage message) {
        if (message == null) {
            return new OpenAiMessage("assistant", null, null, null, null);
        }
        return new OpenAiMessage("assistant", text(message), null, toolCalls(message.toolCalls()), null);
    }

    private static OpenAiMessage delta(ModelMessage delta) {
        if (delta == null) {
            return new OpenAiMessage(null, null, null, null, null);
        }
        return new OpenAiMessage(delta.role() == null ? null : delta.role().wireName(), text(delta), null,
                toolCalls(delta.toolCalls()), null);
    }

    private static TextNode text(ModelMessage message) {
        return message.text() == null ? null : TextNode.valueOf(message.text());
    }

    private static List<OpenAiMessage.ToolCallWire> toolCalls(List<ModelToolCall> calls) {
        if (calls == null || calls.isEmpty()) {
            return null;
        }
        return calls.stream()
                .map(call -> new OpenAiMessage.ToolCallWire(call.index(), call.id(), call.type(),
                        call.name() == null && call.arguments() == null ? null
                                : new OpenAiMessage.FunctionWire(call.name(), call.arguments())))
                .toList();
    }

    private static ChatCompletion.Usage usage(ModelUsage usage) {
        if (usage == null) {
            return null;
        }
        int prompt = usage.promptTokens() == null ? 0 : usage.promptTokens();
        int completion = usage.completionTokens() == null ? 0 : usage.completionTokens();
        return new ChatCompletion.Usage(prompt, completion, usage.totalTokens() == null ? prompt + completion
                : usage.totalTokens());
    }

    private static List<ModelChoice> choices(ModelOutput output) {
        return output.choices() == null ? List.of() : output.choices();
    }

    private static int index(ModelChoice choice) {
        return choice.index() == null ? 0 : choice.index();
    }

    private static String id(ModelOutput output) {
        return output.id() != null ? output.id() : "chatcmpl-" + UUID.randomUUID();
    }

    private static long created(ModelOutput output) {
        return output.created() != null ? output.created() : Instant.now().getEpochSecond();
    }
}
