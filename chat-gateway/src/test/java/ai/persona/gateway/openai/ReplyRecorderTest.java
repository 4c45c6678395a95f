package ai.persona.gateway.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.langchain4j.model.openai.internal.chat.ChatCompletionChoice;
import dev.langchain4j.model.openai.internal.chat.ChatCompletionResponse;
import dev.langchain4j.model.openai.internal.chat.Delta;
import dev.langchain4j.model.openai.internal.chat.FunctionCall;
import dev.langchain4j.model.openai.internal.chat.ToolCall;
import ai.persona.events.ChatMessage;
import ai.persona.events.MessageRole;

class ReplyRecorderTest {

    private static ChatCompletionResponse chunk(String content, ToolCall... calls) {
        Delta delta = Delta.builder().content(content).toolCalls(calls.length == 0 ? null : List.of(calls)).build();
        return ChatCompletionResponse.builder()
                .choices(List.of(ChatCompletionChoice.builder().index(0).delta(delta).build()))
                .build();
    }

    private static ToolCall call(int index, String id, String name, String arguments) {
        return ToolCall.builder().index(index).id(id)
                .function(FunctionCall.builder().name(name).arguments(arguments).build()).build();
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
    void aReplyWithNothingInItIsNotStored() {
        ReplyRecorder recorder = new ReplyRecorder();
        recorder.add(chunk(""));

        assertThat(recorder.message(Instant.EPOCH)).isEmpty();
    }
}
