package ai.persona.gateway.model.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.langchain4j.model.openai.internal.chat.ChatCompletionChoice;
import dev.langchain4j.model.openai.internal.chat.ChatCompletionRequest;
import dev.langchain4j.model.openai.internal.chat.ChatCompletionResponse;
import dev.langchain4j.model.openai.internal.chat.Content;
import dev.langchain4j.model.openai.internal.chat.Delta;
import dev.langchain4j.model.openai.internal.chat.FunctionCall;
import dev.langchain4j.model.openai.internal.chat.ImageDetail;
import dev.langchain4j.model.openai.internal.chat.SystemMessage;
import dev.langchain4j.model.openai.internal.chat.ToolCall;
import dev.langchain4j.model.openai.internal.chat.UserMessage;
import dev.langchain4j.model.openai.internal.shared.Usage;
import ai.persona.gateway.model.ModelChunk;
import ai.persona.gateway.model.ModelContentPart;
import ai.persona.gateway.model.ModelMessage;
import ai.persona.gateway.model.ModelRequest;
import ai.persona.gateway.model.ModelRole;
import ai.persona.gateway.model.ModelTool;
import ai.persona.gateway.model.ModelToolCall;

/** The gateway's records cross the langchain4j edge with every member the OpenAI-compatible API relays. */
class WireTranslationTest {

    @Test
    void aWholeRequestLeavesStreamOutAndAStreamedOneAsksForIt() {
        ModelRequest request = ModelRequest.of("m", "the persona", List.of(ModelMessage.user("hi")));

        ChatCompletionRequest whole = WireRequests.of(request, false);

        assertThat(whole.stream()).isNull();
        assertThat(WireRequests.of(request, true).stream()).isTrue();
        assertThat(whole.messages()).hasSize(2);
        assertThat(((SystemMessage) whole.messages().get(0)).content()).isEqualTo("the persona");
        assertThat(((UserMessage) whole.messages().get(1)).content()).isEqualTo("hi");
        assertThat(whole.tools()).isNull();
        assertThat(whole.toolChoice()).isNull();
    }

    @Test
    void theClientsToolsToolChoiceAndOtherParametersGoAsSent() {
        Map<String, Object> schema = Map.of("type", "object", "properties", Map.of("city", Map.of("type", "string")));
        Map<String, Object> choice = Map.of("type", "function", "function", Map.of("name", "weather"));
        ModelRequest request = ModelRequest.of("m", null, List.of(ModelMessage.user("weather?")),
                List.of(new ModelTool("weather", "the weather", true, schema)), choice, Map.of("temperature", 0.2));

        ChatCompletionRequest wire = WireRequests.of(request, false);

        assertThat(wire.tools()).singleElement().satisfies(tool -> {
            assertThat(tool.function().name()).isEqualTo("weather");
            assertThat(tool.function().description()).isEqualTo("the weather");
            assertThat(tool.function().strict()).isTrue();
            assertThat(tool.function().parameters()).isEqualTo(schema);
        });
        assertThat(wire.toolChoice()).isSameAs(choice);
        assertThat(wire.customParameters()).containsExactly(Map.entry("temperature", 0.2));
    }

    @Test
    void aUserMessagesImagePartKeepsItsDetail() {
        ModelMessage message = new ModelMessage(ModelRole.USER, "what is this?", List.of(
                ModelContentPart.text("what is this?"),
                ModelContentPart.image("https://example.org/a.png", ModelContentPart.ImageDetail.LOW)), "ann", null,
                null);

        UserMessage wire = (UserMessage) WireRequests.message(message);

        assertThat(wire.name()).isEqualTo("ann");
        @SuppressWarnings("unchecked")
        List<Content> parts = (List<Content>) wire.content();
        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).text()).isEqualTo("what is this?");
        assertThat(parts.get(1).imageUrl().getUrl()).isEqualTo("https://example.org/a.png");
        assertThat(parts.get(1).imageUrl().getDetail()).isEqualTo(ImageDetail.LOW);
    }

    @Test
    void aStreamedToolCallDeltaKeepsItsIndexAndLeavesOutWhatTheModelLeftOut() {
        ToolCall later = ToolCall.builder().index(1)
                .function(FunctionCall.builder().arguments("{\"city\":").build()).build();
        ChatCompletionResponse response = ChatCompletionResponse.builder().id("c1").created(7L).model("m")
                .choices(List.of(ChatCompletionChoice.builder().index(0)
                        .delta(Delta.builder().toolCalls(List.of(later)).build()).build()))
                .usage(Usage.builder().promptTokens(3).completionTokens(4).build())
                .build();

        ModelChunk chunk = WireReplies.chunk(response);

        assertThat(chunk.id()).isEqualTo("c1");
        assertThat(chunk.created()).isEqualTo(7L);
        assertThat(chunk.firstMessage().role()).isNull();
        assertThat(chunk.firstMessage().toolCalls()).containsExactly(
                new ModelToolCall(1, null, null, null, "{\"city\":"));
        assertThat(chunk.usage().promptTokens()).isEqualTo(3);
        assertThat(chunk.usage().totalTokens()).isNull();
    }
}
