package ai.persona.gateway;

import static ai.persona.gateway.support.Users.as;
import static ai.persona.gateway.support.Users.newUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import ai.persona.gateway.support.Users;
import ai.persona.infra.testing.InjectOpenAiStub;
import ai.persona.infra.testing.OpenAiStub;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** A third-party OpenAI client, langchain4j's, holds a streamed conversation through /v1 with a user's token as key. */
@QuarkusTest
class LangChain4jClientTest {

    @InjectOpenAiStub
    OpenAiStub llm;

    @TestHTTPResource("/v1/")
    URL gateway;

    private record Streamed(List<String> pieces, ChatResponse response) {
    }

    private static Streamed stream(StreamingChatModel model, List<ChatMessage> conversation) throws Exception {
        List<String> pieces = new ArrayList<>();
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        model.chat(conversation, new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String piece) {
                pieces.add(piece);
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        return new Streamed(pieces, done.get(30, TimeUnit.SECONDS));
    }

    @Test
    void langchain4jsOpenAiClientHoldsAStreamedConversation() throws Exception {
        String user = newUser("lc4j");
        llm.replies("lc4j first " + user, "Hello from the model.");
        llm.replies("lc4j second " + user, "Still here, still streaming.");
        StreamingChatModel model = OpenAiStreamingChatModel.builder()
                .baseUrl(gateway.toString())
                .apiKey(Users.token(user))
                .modelName(OpenAiStub.MODEL)
                .timeout(Duration.ofSeconds(30))
                .build();
        List<ChatMessage> conversation = new ArrayList<>(List.of(SystemMessage.from("You are terse."),
                UserMessage.from("lc4j first " + user)));

        Streamed first = stream(model, conversation);
        conversation.add(first.response().aiMessage());
        conversation.add(UserMessage.from("lc4j second " + user));
        Streamed second = stream(model, conversation);

        assertThat(first.pieces()).hasSizeGreaterThan(1);
        assertThat(String.join("", first.pieces())).isEqualTo("Hello from the model.");
        assertThat(first.response().aiMessage().text()).isEqualTo("Hello from the model.");
        assertThat(second.response().aiMessage()).extracting(AiMessage::text).isEqualTo("Still here, still streaming.");
        // session-service has the turns a moment after they were recorded
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(user).get("/api/sessions").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].messageCount", equalTo(5)));
    }
}
