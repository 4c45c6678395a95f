package ai.persona.gateway.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import ai.persona.events.ChatMessage;
import ai.persona.events.MessageRole;
import ai.persona.gateway.model.ModelChoice;
import ai.persona.gateway.model.ModelChunk;
import ai.persona.gateway.model.ModelMessage;
import ai.persona.gateway.model.ModelReply;
import ai.persona.gateway.model.ModelRole;
import ai.persona.gateway.model.ModelToolCall;

class ReplyRecorderTest {

    private static ModelChunk chunk(String content, ModelToolCall... calls) {
        ModelMessage delta = new ModelMessage(null, content, null, null, calls.length == 0 ? null : List.of(calls), null);
        return new ModelChunk(null, null, null, List.of(new ModelChoice(0, delta, null)), null);
    }

    private static ModelToolCall call(int index, String id, String name, String arguments) {
        return new ModelToolCall(index, id, null, name, arguments);
    }

    @Test
    void streamedTextIsJoined() {
        ReplyRecorder recorder = new ReplyRecorder();
        recorder.add(chunk("Hel"));
        recorder.add(chunk("lo"));

        ChatMessage reply = recorder.message(Instant.EPOCH).orElseThrow();

        assertThat(reply.role()).isEqualTo(MessageRole.ASSISTANT);
        assertThat(reply.content()).isEqualTo("Hello");
    }

    @Test
    void toolCallsArrivingInPiecesAreAssembledByIndex() {
        ReplyRecorder recorder = new ReplyRecorder();
        recorder.add(chunk(null, call(0, "c1", "weather", ""), call(1, "c2", "time", "{}")));
        recorder.add(chunk(null, call(0, null, null, "{\"city\":")));
        recorder.add(chunk(null, call(0, null, null, "\"Oslo\"}")));

        ChatMessage reply = recorder.message(Instant.EPOCH).orElseThrow();

        assertThat(reply.content()).isNull();
        assertThat(reply.toolCalls()).containsExactly(
                new ai.persona.events.ToolCall("c1", "weather", "{\"city\":\"Oslo\"}"),
                new ai.persona.events.ToolCall("c2", "time", "{}"));
    }

    @Test
    void aWholeReplyIsStoredWithItsCalls() {
        ReplyRecorder recorder = new ReplyRecorder();
        recorder.add(new ModelReply("r1", 1L, "m", List.of(new ModelChoice(0, new ModelMessage(ModelRole.ASSISTANT,
                "Let me look.", null, null, List.of(ModelToolCall.function("c1", "weather", "{}")), null), "tool_calls")),
                null));

        ChatMessage reply = recorder.message(Instant.EPOCH).orElseThrow();

        assertThat(reply.content()).isEqualTo("Let me look.");
        assertThat(reply.toolCalls()).containsExactly(new ai.persona.events.ToolCall("c1", "weather", "{}"));
    }

    @Test
    void aReplyWithNothingInItIsNotStored() {
        ReplyRecorder recorder = new ReplyRecorder();
        recorder.add(chunk(""));

        assertThat(recorder.message(Instant.EPOCH)).isEmpty();
    }
}
