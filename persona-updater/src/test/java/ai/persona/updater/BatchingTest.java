package ai.persona.updater;

import static ai.persona.updater.support.Conversations.assistant;
import static ai.persona.updater.support.Conversations.session;
import static ai.persona.updater.support.Conversations.system;
import static ai.persona.updater.support.Conversations.user;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.persona.events.ConversationCompleted;
import ai.persona.events.EventContract;
import ai.persona.events.PersonaPatchProposed;
import ai.persona.infra.testing.InjectOpenAiStub;
import ai.persona.infra.testing.OpenAiStub;
import ai.persona.infra.testing.TestKafka;
import ai.persona.model.PersonaJson;
import ai.persona.model.TokenCounter;
import ai.persona.updater.service.PatchIds;
import ai.persona.updater.support.Api;
import ai.persona.updater.support.Conversations;
import ai.persona.updater.support.TestContentKeys;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class BatchingTest {

    static final String FORMATS_ANSWER = """
            {"operations": [{"action": "add_field", "section": "Preference", "field": "Preferred_Formats",
              "value": "plain text files", "reason": "the user said they keep notes in plain text files"}]}""";

    @InjectOpenAiStub
    OpenAiStub llm;

    @Test
    void twoSessionsCallNoModelAndTheThirdCallsItOnceAgainstTheCurrentPersona() throws Exception {
        String userId = Conversations.userId();
        String marker = Conversations.marker();
        llm.replies(marker, FORMATS_ANSWER);
        ObjectNode persona = PersonaJson.mapper().createObjectNode();
        persona.putObject("Demographics").put("Name", "Lin Wei");
        persona.putObject("Preference").put("Preferred_Styles", "concise answers");
        Conversations.sendPersona(userId, 7, persona);
        Api.awaitSnapshot(userId, 7);

        List<ConversationCompleted> sent = Conversations.sendSimple(userId, marker, 1, 2);
        Api.awaitBuffered(userId, 2);
        assertThat(llm.count(marker)).isZero();

        Conversations.send(session(userId, 3, system("You are a helpful assistant. SYSTEM-ONLY-TEXT"),
                user("[" + marker + "] message 3: I keep notes in plain text files."),
                assistant("Noted, plain text it is (reply 3).")));
        List<ConsumerRecord<String, String>> records = Api.awaitPatches(userId, 1);

        assertThat(llm.count(marker)).isEqualTo(1);
        assertThat(records).hasSize(1);
        // on the topic only sealed: no value, reason or path of it readable without the user's key
        assertThat(records.get(0).value()).contains("\"sealedPatch\"", "\"keyId\":\""
                + TestContentKeys.of(userId).keyId() + "\"").doesNotContain("plain text", "Preferred_Formats");
        PersonaPatchProposed proposed = Api.opened(records.get(0));
        List<String> sessionIds = List.of(sent.get(0).sessionId(), sent.get(1).sessionId(), userId + "-s3");
        assertThat(proposed.patch().patchId()).isEqualTo(PatchIds.of(userId, sessionIds).toString());
        assertThat(proposed.patch().baseVersion()).isEqualTo(7);
        assertThat(proposed.patch().userId()).isEqualTo(userId);
        assertThat(proposed.patch().sourceSessionIds()).containsExactlyElementsOf(sessionIds);
        assertThat(proposed.patch().model()).isEqualTo(OpenAiStub.MODEL);
        assertThat(proposed.patch().firstSessionStartedAt()).isEqualTo(sent.get(0).startedAt());
        assertThat(proposed.patch().operations()).singleElement().satisfies(op -> {
            assertThat(op.op()).isEqualTo("add");
            assertThat(op.path()).isEqualTo("/Preference/Preferred_Formats");
            assertThat(op.value().textValue()).isEqualTo("plain text files");
            assertThat(op.reason()).contains("plain text");
        });
        assertThat(proposed.usage().calls()).isEqualTo(1);
        assertThat(proposed.usage().inputTokens()).isEqualTo(OpenAiStub.PROMPT_TOKENS);
        assertThat(records.get(0).key()).isEqualTo(userId);
        assertThat(TestKafka.header(records.get(0), "ce_type"))
                .isEqualTo(EventContract.PERSONA_PATCH_PROPOSED.cloudEventType());
        assertThat(TestKafka.header(records.get(0), "ce_id")).isEqualTo(proposed.patch().patchId());
        assertThat(TestKafka.header(records.get(0), "ce_source")).isEqualTo("persona-updater");

        JsonNode request = llm.requests(marker).get(0);
        assertThat(request.path("response_format").path("type").asText()).isEqualTo("json_object");
        JsonNode messages = request.path("messages");
        assertThat(messages).hasSize(2);
        assertThat(messages.get(0).path("role").asText()).isEqualTo("system");
        // the sensitive-data rule, from persona-model's policy with this deployment's categories (all by default)
        assertThat(messages.get(0).path("content").asText())
                .contains("Never write any of these into the persona", "payment card numbers",
                        "passwords, PINs, API keys", "health conditions", "political opinions")
                .doesNotContain("{neverStore}");
        String prompt = messages.get(1).path("content").asText();
        assertThat(prompt).contains("version 7", "Lin Wei", "concise answers", "Preferred_Formats (text)");
        for (int n = 1; n <= 3; n++) {
            assertThat(prompt).contains("USER: [" + marker + "] message " + n + ": I keep notes in plain text files.");
            assertThat(prompt).contains("ASSISTANT: Noted, plain text it is (reply " + n + ").");
        }
        assertThat(prompt).doesNotContain("SYSTEM-ONLY-TEXT");
        int tokens = TokenCounter.count(messages.get(0).path("content").asText()) + TokenCounter.count(prompt);
        assertThat(tokens).isLessThanOrEqualTo(3000);

        String batchId = proposed.patch().patchId();
        Api.awaitBuffered(userId, 0);
        assertThat(Api.batch(batchId).getString("status")).isEqualTo("PUBLISHED");
    }

    @Test
    void aTemporaryValueIsPublishedValidFromItsConversationForTheDaysTheModelGave() throws Exception {
        String userId = Conversations.userId();
        String marker = Conversations.marker();
        llm.replies(marker, """
                {"operations": [{"action": "update_field", "section": "Pattern", "field": "Usage_Pattern",
                  "value": "keeps notes in plain text files", "reason": "the user said so this month", "days": 30}]}""");
        Instant ended = Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.SECONDS);
        for (int n = 1; n <= 3; n++) {
            Conversations.send(ConversationCompleted.of(userId + "-s" + n, userId,
                    ended.minusSeconds(60L * (4 - n)), ended.minusSeconds(60L * (3 - n)),
                    List.of(user("[" + marker + "] I keep notes in plain text files this month."))));
        }

        var records = Api.awaitPatches(userId, 1);

        PersonaPatchProposed proposed = Api.opened(records.get(0));
        assertThat(proposed.patch().operations()).singleElement().satisfies(op -> {
            assertThat(op.path()).isEqualTo("/Pattern/Usage_Pattern");
            assertThat(op.until()).isEqualTo(ended.plus(Duration.ofDays(30)));
        });
        String system = llm.requests(marker).get(0).path("messages").get(0).path("content").asText();
        String input = llm.requests(marker).get(0).path("messages").get(1).path("content").asText();
        assertThat(system).contains("\"days\": N", "may be temporary");
        assertThat(input).contains("Usage_Pattern (text, may be temporary)", "open: new fields allowed, may be temporary")
                .doesNotContain("Pinned by the user");
    }

    @Test
    void sessionsDeliveredTwiceAreCountedOnce() {
        String userId = Conversations.userId();
        String marker = Conversations.marker();
        llm.replies(marker, FORMATS_ANSWER);
        List<ConversationCompleted> first = Conversations.sendSimple(userId, marker, 1, 2);
        first.forEach(Conversations::send);
        Conversations.sendSimple(userId, marker, 3, 3);

        Api.awaitPatches(userId, 1);
        Api.awaitBatch(userId, "PUBLISHED");
        // redelivery after the batch was published is recognised too; s4 shows the consumer got past it
        Conversations.send(Conversations.simple(userId, 3, marker));
        Conversations.sendSimple(userId, marker, 4, 4);
        Api.awaitBuffered(userId, 1);

        assertThat(Api.buffered(userId)).containsExactly(userId + "-s4");
        assertThat(llm.count(marker)).isEqualTo(1);
        assertThat(Api.patches(userId)).hasSize(1);
        assertThat(Api.batches(userId)).singleElement()
                .satisfies(b -> assertThat(b.get("sessionIds")).isEqualTo(
                        List.of(userId + "-s1", userId + "-s2", userId + "-s3")));
    }

    @Test
    void longConversationsAreTrimmedToTheTokenBudgetKeepingEveryUserTurn() {
        String userId = Conversations.userId();
        String marker = Conversations.marker();
        llm.replies(marker, FORMATS_ANSWER);
        for (int n = 1; n <= 3; n++) {
            String userText = "[" + marker + "] fact " + n + ": " + "I grow tomatoes on my balcony. ".repeat(200)
                    + "END-OF-USER-" + n;
            String reply = "Here is a long answer about gardening. ".repeat(120) + "END-OF-ASSISTANT-" + n;
            Conversations.send(session(userId, n, user(userText), assistant(reply)));
        }

        Api.awaitPatches(userId, 1);
        JsonNode messages = llm.requests(marker).get(0).path("messages");
        String prompt = messages.get(1).path("content").asText();
        int tokens = TokenCounter.count(messages.get(0).path("content").asText()) + TokenCounter.count(prompt);

        assertThat(tokens).isLessThanOrEqualTo(3000);
        for (int n = 1; n <= 3; n++) {
            assertThat(prompt).contains("USER: [" + marker + "] fact " + n + ": I grow tomatoes");
            assertThat(prompt).doesNotContain("END-OF-ASSISTANT-" + n).doesNotContain("END-OF-USER-" + n);
        }
    }

    @Test
    void assistantTurnsLongerThan400CharactersReachTheModelWholeWithinTheBudget() {
        String userId = Conversations.userId();
        String marker = Conversations.marker();
        llm.replies(marker, FORMATS_ANSWER);
        String reply = "Plain text keeps your notes portable and easy to search. ".repeat(20);
        assertThat(reply.length()).isGreaterThan(1000);
        for (int n = 1; n <= 3; n++) {
            Conversations.send(session(userId, n,
                    user("[" + marker + "] message " + n + ": I keep notes in plain text."),
                    assistant(reply + "END-OF-REPLY-" + n)));
        }

        Api.awaitPatches(userId, 1);

        String prompt = llm.requests(marker).get(0).path("messages").get(1).path("content").asText();
        for (int n = 1; n <= 3; n++) {
            assertThat(prompt).contains("ASSISTANT: " + reply + "END-OF-REPLY-" + n);
        }
        assertThat(prompt).doesNotContain(" […]");
    }

    @Test
    void overTheBudgetAssistantTurnsAreCutBeforeAnyUserTurn() {
        String userId = Conversations.userId();
        String marker = Conversations.marker();
        llm.replies(marker, FORMATS_ANSWER);
        for (int n = 1; n <= 3; n++) {
            String userText = "[" + marker + "] fact " + n + ": " + "I grow tomatoes on my balcony. ".repeat(20)
                    + "END-OF-USER-" + n;
            String reply = "Here is a long answer about gardening. ".repeat(120) + "END-OF-ASSISTANT-" + n;
            Conversations.send(session(userId, n, user(userText), assistant(reply)));
        }

        Api.awaitPatches(userId, 1);
        JsonNode messages = llm.requests(marker).get(0).path("messages");
        String prompt = messages.get(1).path("content").asText();
        int tokens = TokenCounter.count(messages.get(0).path("content").asText()) + TokenCounter.count(prompt);

        assertThat(tokens).isLessThanOrEqualTo(3000);
        for (int n = 1; n <= 3; n++) {
            assertThat(prompt).contains("END-OF-USER-" + n).doesNotContain("END-OF-ASSISTANT-" + n);
        }
        assertThat(prompt).contains("ASSISTANT: Here is a long answer about gardening.", " […]");
    }

    @Test
    void anAnswerWithoutOperationsIsRecordedAsNoChangeAndNotPublished() {
        String userId = Conversations.userId();
        String marker = Conversations.marker();
        llm.replies(marker, "{\"operations\": []}");
        Conversations.sendSimple(userId, marker, 1, 3);

        Api.awaitBatch(userId, "NO_CHANGE");

        assertThat(llm.count(marker)).isEqualTo(1);
        assertThat(Api.patches(userId)).isEmpty();
    }

    @Test
    void chineseConversationsYieldChineseValuesUnchanged() throws Exception {
        String userId = Conversations.userId();
        String marker = Conversations.marker();
        llm.replies(marker, """
                {"operations": [{"action": "update_field", "section": "Preference", "field": "Preferred_Styles",
                  "value": "简洁、要点式的回答", "reason": "用户多次要求回答简短，用要点列出"}]}""");
        for (int n = 1; n <= 3; n++) {
            Conversations.send(session(userId, n, user("[" + marker + "] 请简短一点，用要点列出就好。第" + n + "次"),
                    assistant("好的，我会注意。")));
        }

        List<ConsumerRecord<String, String>> records = Api.awaitPatches(userId, 1);

        PersonaPatchProposed proposed = Api.opened(records.get(0));
        assertThat(proposed.patch().operations()).singleElement()
                .satisfies(op -> assertThat(op.value().textValue()).isEqualTo("简洁、要点式的回答"));
        JsonNode messages = llm.requests(marker).get(0).path("messages");
        assertThat(messages.get(0).path("content").asText()).contains("in the language the user writes in");
        assertThat(messages.get(1).path("content").asText()).contains("USER: [" + marker + "] 请简短一点，用要点列出就好。第1次");
    }
}
