package ai.persona.updater;

import static ai.persona.updater.support.Conversations.assistant;
import static ai.persona.updater.support.Conversations.session;
import static ai.persona.updater.support.Conversations.user;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import ai.persona.infra.ManagementPortTestResource;
import ai.persona.infra.testing.InjectOpenAiStub;
import ai.persona.infra.testing.OpenAiStub;
import ai.persona.updater.support.Api;
import ai.persona.updater.support.Conversations;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The two optimizer modes side by side: each user's batches go out with their mode's prompt and evidence rule. */
@QuarkusTest
class OptimizerModesTest {

    /** A Pattern derived from the user's tasks: nothing the user said about themselves, and the reason says so. */
    static final String INFERRED_PATTERN_ANSWER = """
            {"operations": [{"action": "update_field", "section": "Pattern", "field": "Behavior_Engagement_Pattern",
              "value": "busy developing a research project and weighing a research career",
              "reason": "inferred from the tasks the user brought: debugging experiment code, asking about PhD programmes"}]}""";

    @InjectOpenAiStub
    OpenAiStub llm;

    @Test
    void eachModesPromptReachesTheModelAndTheBatchShowsItsMode() {
        String conservativeUser = Conversations.userId();
        String conservativeMarker = Conversations.marker();
        llm.replies(conservativeMarker, BatchingTest.FORMATS_ANSWER);
        String paperUser = Conversations.userId();
        String paperMarker = Conversations.marker();
        llm.replies(paperMarker, BatchingTest.FORMATS_ANSWER);
        Api.settings(paperUser, true, null, "paper");

        Conversations.sendSimple(conservativeUser, conservativeMarker, 1, 3);
        Conversations.sendSimple(paperUser, paperMarker, 1, 3);
        Api.awaitPatches(conservativeUser, 1);
        Api.awaitPatches(paperUser, 1);

        JsonNode conservative = llm.requests(conservativeMarker).get(0).path("messages");
        assertThat(conservative.get(0).path("content").asText())
                .startsWith("You maintain the long-term persona of one user")
                .contains("Skip one-off tasks, guesses", "Never write any of these into the persona")
                .doesNotContain("{!", "Ported from", "builds user profiles");
        assertThat(conservative.get(1).path("content").asText()).startsWith("Schema of the persona:")
                .contains("USER: [" + conservativeMarker + "] message 1");
        JsonNode paper = llm.requests(paperMarker).get(0).path("messages");
        assertThat(paper).hasSize(2);
        // the released prompt: persona-extraction role, the persona in the system message, its example, "conservatively"
        assertThat(paper.get(0).path("content").asText())
                .startsWith("You are an AI that builds user profiles.")
                .contains("The user's current persona (version 0):", "Pattern (open: new fields allowed, may be temporary)",
                        "最近忙于科研项目的开发，并在寻找职业发展和科研方向的建议。", "update conservatively",
                        "A pattern may be derived from the tasks", "Never write any of these into the persona")
                .doesNotContain("{!", "Ported from", "Skip one-off tasks");
        assertThat(paper.get(1).path("content").asText()).startsWith("The user's recent conversations, oldest first.")
                .contains("USER: [" + paperMarker + "] message 1", "ASSISTANT: Noted, plain text it is (reply 1).");
        assertThat(mode(conservativeUser, "PUBLISHED")).isEqualTo("conservative");
        assertThat(mode(paperUser, "PUBLISHED")).isEqualTo("paper");
    }

    @Test
    void paperAcceptsAnInferredPatternThatConservativeRejects() throws Exception {
        String conservativeUser = Conversations.userId();
        String conservativeMarker = Conversations.marker();
        llm.replies(conservativeMarker, INFERRED_PATTERN_ANSWER);
        String paperUser = Conversations.userId();
        String paperMarker = Conversations.marker();
        llm.replies(paperMarker, INFERRED_PATTERN_ANSWER);
        Api.settings(paperUser, true, null, "paper");

        sendResearchSessions(conservativeUser, conservativeMarker);
        sendResearchSessions(paperUser, paperMarker);

        var published = Api.awaitPatches(paperUser, 1);
        assertThat(Api.openedJson(published.get(0))).contains("/Pattern/Behavior_Engagement_Pattern",
                "busy developing a research project");
        JsonPath parked = Api.batch((String) Api.awaitBatch(conservativeUser, "PARKED").get("id"));
        assertThat(parked.getList("problems.code", String.class)).containsExactly("INFERRED");
        assertThat(parked.getString("problems[0].path")).isEqualTo("/Pattern/Behavior_Engagement_Pattern");
        assertThat(parked.getString("optimizerMode")).isEqualTo("conservative");
        assertThat(llm.requests(conservativeMarker)).hasSize(2);
        assertThat(llm.requests(conservativeMarker).get(1).path("messages").get(1).path("content").asText())
                .contains(Conversations.REPAIR_PHRASE, "INFERRED", "quotes nothing the user wrote");
        assertThat(llm.requests(paperMarker)).hasSize(1);
        assertThat(Api.patches(conservativeUser)).isEmpty();
        assertThat(mode(paperUser, "PUBLISHED")).isEqualTo("paper");

        given().get(ManagementPortTestResource.url("/q/metrics")).then().statusCode(200)
                .body(containsString("persona_updater_optimizer_outcomes_total{mode=\"conservative\",outcome=\"parked\""))
                .body(containsString("persona_updater_optimizer_outcomes_total{mode=\"paper\",outcome=\"changed\""));
    }

    @Test
    void conservativeAcceptsAnInferenceWhoseReasonQuotesTheUser() {
        String userId = Conversations.userId();
        String marker = Conversations.marker();
        llm.replies(marker, """
                {"operations": [{"action": "update_field", "section": "Pattern", "field": "Usage_Pattern",
                  "value": "debugs experiment code with the assistant",
                  "reason": "probably a habit: the user wrote \\"My training script fails at epoch 3\\""}]}""");
        sendResearchSessions(userId, marker);

        Api.awaitPatches(userId, 1);

        assertThat(llm.count(marker)).isEqualTo(1);
        assertThat(mode(userId, "PUBLISHED")).isEqualTo("conservative");
    }

    private static void sendResearchSessions(String userId, String marker) {
        for (int n = 1; n <= 3; n++) {
            Conversations.send(session(userId, n,
                    user("[" + marker + "] My training script fails at epoch 3, can you read this stack trace? ("
                            + n + ")"),
                    assistant("The stack trace shows a shape mismatch in the second layer."),
                    user("Thanks. Also, is a PhD worth it for someone who likes building tools?")));
        }
    }

    private static String mode(String userId, String status) {
        Map<String, Object> batch = Api.awaitBatch(userId, status);
        return (String) batch.get("optimizerMode");
    }
}
