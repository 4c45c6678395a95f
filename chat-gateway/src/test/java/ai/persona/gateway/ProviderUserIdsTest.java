package ai.persona.gateway;

import static ai.persona.gateway.support.Users.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import ai.persona.events.EventContract;
import ai.persona.gateway.support.SessionStore;
import ai.persona.infra.testing.InjectOpenAiStub;
import ai.persona.infra.testing.OpenAiStub;
import ai.persona.infra.testing.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The token's subject is whatever the login provider uses: provider prefixes with '|', e-mail addresses, UUIDs,
 * non-ASCII names, SAML name ids with spaces and colons. Such a user gets through the native and the OpenAI API like any
 * other, and what they say is stored in session-service under exactly that id. Each run makes its ids unique, keeping
 * each provider's form.
 */
@QuarkusTest
class ProviderUserIdsTest {

    private static final TestKafka KAFKA = TestKafka.ofConfig();

    @InjectOpenAiStub
    OpenAiStub llm;

    static Stream<String> providerIds() {
        String hex = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String digits = Long.toString(ThreadLocalRandom.current().nextLong(100_000_000_000_000_000L, Long.MAX_VALUE));
        return Stream.of(
                "auth0|" + hex,
                "google-oauth2|" + digits,
                "alice.smith+" + hex + "@example.com",
                UUID.randomUUID().toString(),
                "José-Müller-東京-" + hex,
                "samlp|corp:ad|CN=Ann Lee,UID=" + hex);
    }

    @ParameterizedTest
    @MethodSource("providerIds")
    void aProviderStyleUserChatsThroughTheNativeApi(String user) {
        String marker = "native-" + UUID.randomUUID();
        llm.replies(marker, "Native reply.");

        Response created = as(user).contentType(ContentType.JSON).post("/api/sessions");
        created.then().statusCode(201).body("userId", equalTo(user));
        String session = created.path("id");
        assertThat(created.header("Location"))
                .isEqualTo("http://localhost:" + RestAssured.port + "/api/sessions/" + session);

        as(user).contentType(ContentType.JSON).body(Map.of("content", marker + " hello"))
                .post("/api/sessions/{id}/messages", session)
                .then().statusCode(200).body("sessionId", equalTo(session)).body("message.content", equalTo("Native reply."));
        assertThat(SessionStore.recorded(user, session, 2).getList("messages.content", String.class))
                .containsExactly(marker + " hello", "Native reply.");

        as(user).post("/api/sessions/{id}/end", session).then().statusCode(200)
                .body("published", equalTo(true)).body("session.endReason", equalTo("explicit"))
                .body("session.endedAt", notNullValue());
        await().atMost(Duration.ofSeconds(30)).until(() -> !KAFKA.records(
                EventContract.CONVERSATION_COMPLETED.topic(), user).isEmpty());
        List<ConsumerRecord<String, String>> completions = KAFKA.records(
                EventContract.CONVERSATION_COMPLETED.topic(), user);
        assertThat(completions).extracting(record -> TestKafka.header(record, "ce_id")).containsExactly(session);
    }

    @ParameterizedTest
    @MethodSource("providerIds")
    void aProviderStyleUserChatsThroughTheOpenAiApi(String user) {
        String whole = "whole-" + UUID.randomUUID();
        llm.replies(whole, "Whole reply.");
        Response reply = OpenAiApiTest.complete(user, OpenAiApiTest.request(whole, false));
        reply.then().statusCode(200).contentType(startsWith("application/json"))
                .body("choices[0].message.content", equalTo("Whole reply."));
        String session = reply.header("X-Session-Id");
        assertThat(SessionStore.recorded(user, session, 3).getList("messages.content", String.class))
                .containsExactly("Be brief.", whole, "Whole reply.");

        String streamed = "streamed-" + UUID.randomUUID();
        llm.replies(streamed, "Streamed reply.");
        Response stream = OpenAiApiTest.complete(user, OpenAiApiTest.request(streamed, true));
        stream.then().statusCode(200).contentType(startsWith("text/event-stream"));
        List<String> frames = List.of(stream.asString().split("\n\n"));
        assertThat(frames.get(frames.size() - 1)).isEqualTo("data: [DONE]");
        String streamSession = stream.header("X-Session-Id");
        assertThat(SessionStore.recorded(user, streamSession, 3).getList("messages.content", String.class))
                .containsExactly("Be brief.", streamed, "Streamed reply.");

        as(user).get("/api/sessions").then().statusCode(200).body("items.id", hasItems(session, streamSession));
        as(user).get("/api/persona").then().statusCode(200).header("ETag", "\"0\"").body("version", equalTo(0));
        as(user).get("/api/me/export").then().statusCode(200).body("userId", equalTo(user))
                .body("sessions.id", hasItems(session, streamSession));
    }
}
