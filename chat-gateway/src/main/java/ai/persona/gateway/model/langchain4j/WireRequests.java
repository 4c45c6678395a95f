package ai.persona.gateway.model.langchain4j;

import dev.langchain4j.model.openai.internal.chat.AssistantMessage;
import dev.langchain4j.model.openai.internal.chat.ChatCompletionRequest;
import dev.langchain4j.model.openai.internal.chat.Content;
import dev.langchain4j.model.openai.internal.chat.ContentType;
import dev.langchain4j.model.openai.internal.chat.Function;
import dev.langchain4j.model.openai.internal.chat.FunctionCall;
import dev.langchain4j.model.openai.internal.chat.ImageDetail;
import dev.langchain4j.model.openai.internal.chat.ImageUrl;
import dev.langchain4j.model.openai.internal.chat.Message;
import dev.langchain4j.model.openai.internal.chat.SystemMessage;
import dev.langchain4j.model.openai.internal.chat.Tool;
import dev.langchain4j.model.openai.internal.chat.ToolCall;
import dev.langchain4j.model.openai.internal.chat.ToolMessage;
import dev.langchain4j.model.openai.internal.chat.ToolType;
import dev.langchain4j.model.openai.internal.chat.UserMessage;
import ai.persona.gateway.model.ModelContentPart;
import ai.persona.gateway.model.ModelMessage;
import ai.persona.gateway.model.ModelRequest;
import ai.persona.gateway.model.ModelTool;
import ai.persona.gateway.model.ModelToolCall;

/** The gateway's model request in langchain4j's OpenAI wire types: messages, tools and parameters as given. */
final class WireRequests {

    private WireRequests() {
    }

    /** @param stream true for a streamed reply; a whole one leaves {@code stream} out, as OpenAI's default */
    static ChatCompletionRequest of(ModelRequest request, boolean stream) {
        ChatCompletionRequest.Builder builder = ChatCompletionRequest.builder()
                .model(request.model())
                .messages(request.messages().stream().map(WireRequests::message).toList())
                .tools(request.tools() == null ? null : request.tools().stream().map(WireRequests::tool).toList())
                .customParameters(request.otherParameters())
                .stream(stream ? Boolean.TRUE : null);
        if (request.toolChoice() != null) {
            builder.toolChoice(request.toolChoice());
        }
        return builder.build();
    }

    static Message message(ModelMessage message) {
        return switch (message.role()) {
            case SYSTEM -> SystemMessage.builder().content(message.text()).name(message.name()).build();
            case USER -> message.parts() == null
                    ? UserMessage.builder().content(message.text()).name(message.name()).build()
                    : UserMessage.builder().content(message.parts().stream().map(WireRequests::part).toList())
                            .name(message.name()).build();
            case ASSISTANT -> AssistantMessage.builder()
                    .content(message.text())
                    .name(message.name())
                    .toolCalls(message.toolCalls() == null ? null
                            : message.toolCalls().stream().map(WireRequests::toolCall).toList())
                    .build();
            case TOOL -> ToolMessage.from(message.toolCallId(), message.text());
        };
    }

    private static Content part(ModelContentPart part) {
        if (!part.isImage()) {
            return Content.builder().type(ContentType.TEXT).text(part.text()).build();
        }
        return Content.builder().type(ContentType.IMAGE_URL)
                .imageUrl(ImageUrl.builder()
                        .url(part.imageUrl())
                        .detail(part.imageDetail() == null ? null : ImageDetail.valueOf(part.imageDetail().name()))
                        .build())
                .build();
    }

    private static ToolCall toolCall(ModelToolCall call) {
        return ToolCall.builder()
                .id(call.id())
                .type(ToolType.FUNCTION)
                .function(FunctionCall.builder().name(call.name()).arguments(call.arguments()).build())
                .build();
    }

    private static Tool tool(ModelTool tool) {
        return Tool.from(Function.builder()
                .name(tool.name())
                .description(tool.description())
                .strict(tool.strict())
                .parameters(tool.parameters())
                .build());
    }
}
