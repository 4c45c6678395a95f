package ai.persona.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import ai.persona.events.EventContract;
import ai.persona.infra.stack.LocalStack;
import ai.persona.infra.testing.TestKafka;
import ai.persona.model.PersonaJson;

/**
 * The product's loop across the three real services, each its own process: talk, remember, talk better. Driven only
 * through the gateway's public API; the database and topics are read only to prove what was (not) kept.
 */
@ExtendWith(SharedStack.class)
class LifelongLoopIT {

    private static final Duration LEARN = Duration.ofSeconds(90);
    private static Stack stack;

    @BeforeAll
    static void useTheSharedStack() {
        stack = SharedStack.stack();
    }

    private static Gateway newUser(String userId) {
        return new Gateway(stack.services.gatewayUrl(), stack.services.tokenFor(userId));
    }

    @Test
    void personaLearnedEveryThreeSessionsReachesTheNextConversations() throws Exception {
        String userId = "loop-" + UUID.randomUUID();
        Gateway user = newUser(userId);
        List<String> firstBatch = List.of(user.converse("我开了一家茶馆 " + userId), user.converse("回答请简短一些"),
                user.converse("先给我结论"));

        await().atMost(LEARN).until(() -> user.personaVersion() == 1);
        assertThat(user.persona().getString("persona.Preference.Preferred_Styles")).isEqualTo(LlmStub.FIRST_STYLE);

        // the gateway learns of the new version from PersonaChanged, asynchronously: within the 4th session, a turn's
        // request to the model carries it
        String fourth = user.open();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            String marker = "第四次对话 " + UUID.randomUUID();
            user.say(fourth, marker);
            String request = stack.llm.chatRequests().stream()
                    .filter(body -> body.contains(marker))
                    .findFirst().orElseThrow();
            var messages = PersonaJson.mapper().readTree(request).get("messages");
            assertThat(messages.get(0).get("role").asText()).isEqualTo("system");
            assertThat(messages.get(0).get("content").asText()).contains(LlmStub.FIRST_STYLE);
        });
        user.end(fourth);
        List<String> secondBatch = List.of(fourth, user.converse("我每天下午喝乌龙"), user.converse("谢谢"));

        await().atMost(LEARN).until(() -> user.personaVersion() == 2);
        assertThat(user.persona().getString("persona.Pattern.Tea_Habit")).isEqualTo(LlmStub.TEA_HABIT);
        List<Map<String, Object>> history = user.history();
        assertThat(history).extracting(v -> v.get("version")).containsExactly(2, 1);
        assertThat(history).extracting(v -> v.get("source")).containsOnly("OPTIMIZER");
        assertThat(strings(history.get(1).get("sourceSessionIds"))).containsExactlyInAnyOrderElementsOf(firstBatch);
        assertThat(strings(history.get(0).get("sourceSessionIds"))).containsExactlyInAnyOrderElementsOf(secondBatch);

        // the gateway and the updater called session-service with their service tokens: none was refused
        String metrics = given().get(stack.services.process(LocalStack.SESSION_SERVICE).managementUrl() + "/q/metrics")
                .then().statusCode(200)
                .extract().asString();
        assertThat(metrics).contains("uri=\"/users/{userId}/persona\"");
        assertThat(metrics).doesNotContain("status=\"401\"").doesNotContain("status=\"403\"");
    }

    @Test
    void pinnedFieldSurvivesABatchThatTriesToChangeItAndTheOptimizerIsToldItIsFixed() {
        String userId = "pin-" + UUID.randomUUID();
        Gateway user = newUser(userId);
        user.pin("/Preference/Preferred_Styles");
        // the stand-in optimizer sets Preferred_Styles to FIRST_STYLE for a persona without it; the repair request,
        // which quotes that answer, is answered with TEA_HABIT instead
        user.converse("我开了一家茶馆 " + userId);
        user.converse("回答请简短一些");
        user.converse("先给我结论");

        await().atMost(LEARN).until(() -> user.personaVersion() == 1);
        assertThat(user.persona().getString("persona.Preference.Preferred_Styles")).isNull();
        assertThat(user.persona().getString("persona.Pattern.Tea_Habit")).isEqualTo(LlmStub.TEA_HABIT);
        List<String> requests = stack.llm.optimizerRequestsFor(userId);
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0))
                .contains("Pinned by the user (fixed: never add, update or remove these): /Preference/Preferred_Styles");
        assertThat(requests.get(1)).contains("PINNED at /Preference/Preferred_Styles");
    }

    /**
     * The updater dies while the model works on a batch (the stand-in holds the optimizer's call): the batch's claim
     * outlives it, its successor takes the batch over once the claim's lease ends (20 s here), asks the model again,
     * and exactly one patch and one version come of the two calls.
     */
    @Test
    void updaterKilledWhileTheModelOptimizesABatchStillMakesExactlyOnePatch() throws Exception {
        String userId = "crash-" + UUID.randomUUID();
        Gateway user = newUser(userId);
        stack.llm.holdOptimizer(userId, Duration.ofSeconds(5));
        user.converse("第一次 " + userId);
        user.converse("第二次");
        user.converse("第三次");
        await().atMost(LEARN).until(() -> stack.llm.optimizerCallsFor(userId) == 1);

        stack.services.kill(LocalStack.UPDATER);
        stack.services.restart(LocalStack.UPDATER);

        await().atMost(LEARN).until(() -> user.personaVersion() == 1);
        assertThat(stack.llm.optimizerCallsFor(userId)).isEqualTo(2);
        List<ConsumerRecord<String, String>> patches = TestKafka.at(stack.services.servers().kafkaBootstrapServers())
                .records(EventContract.PERSONA_PATCH_PROPOSED.topic(), userId);
        assertThat(patches).hasSize(1);
        assertThat(user.history()).hasSize(1);
        assertThat((List<?>) user.history().get(0).get("sourceSessionIds")).hasSize(3);
    }

    @Test
    void deletedUserLeavesNoRowAnywhereNoReadableWordInAnyTopicAndATombstone() throws Exception {
        String userId = "forget-" + UUID.randomUUID();
        Gateway user = newUser(userId);
        user.converse("请记住我 " + userId);
        user.converse("我喜欢绿茶");
        user.converse("再见");
        await().atMost(LEARN).until(() -> user.personaVersion() == 1);

        user.deleteMe();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (String service : List.of(LocalStack.SESSION_SERVICE, LocalStack.UPDATER, LocalStack.GATEWAY)) {
                assertThat(Database.rowsMentioning(stack.services.database(service), userId)).as(service).isEmpty();
            }
        });
        TestKafka kafka = TestKafka.at(stack.services.servers().kafkaBootstrapServers());
        // what the user said and the optimizer's reason left the topics only sealed under the key the deletion destroyed
        List<String> topics = new ArrayList<>(List.of(EventContract.DEAD_LETTER_TOPIC));
        for (EventContract event : EventContract.values()) {
            topics.add(event.topic());
        }
        for (String topic : topics) {
            for (ConsumerRecord<String, String> record : kafka.records(topic, userId)) {
                assertThat(Objects.toString(record.value(), "")).as(topic)
                        .doesNotContain("请记住我", "我喜欢绿茶", "再见", "用户在对话中提到");
            }
        }
        // the check above read the user's records, not an empty topic
        assertThat(kafka.records(EventContract.CONVERSATION_COMPLETED.topic(), userId)).isNotEmpty();
        assertThat(kafka.records(EventContract.PERSONA_PATCH_PROPOSED.topic(), userId)).isNotEmpty();
        List<ConsumerRecord<String, String>> changes = kafka.records(EventContract.PERSONA_CHANGED.topic(), userId);
        assertThat(changes).isNotEmpty();
        assertThat(changes.get(changes.size() - 1).value()).isNull();
        // a user session-service no longer knows is shown the empty persona (PersonaEdits.current), never a 404
        assertThat(user.status("GET", "/api/persona")).isEqualTo(200);
        assertThat(user.personaVersion()).isZero();
        assertThat(user.status("GET", "/api/me/export")).isEqualTo(404);
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object list) {
        return (List<String>) list;
    }
}
