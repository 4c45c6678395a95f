package ai.persona.updater;

import static ai.persona.updater.support.Conversations.assistant;
import static ai.persona.updater.support.Conversations.session;
import static ai.persona.updater.support.Conversations.system;
import static ai.persona.updater.support.Conversations.user;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.persona.infra.testing.InjectOpenAiStub;
import ai.persona.infra.testing.OpenAiStub;
import ai.persona.model.PersonaJson;
import ai.persona.updater.support.Api;
import ai.persona.updater.support.Conversations;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class InvalidAnswersTest {

    @InjectOpenAiStub
    OpenAiStub llm;

    @Test
    void malformedAnswersParkTheBatchAfterOneRepairWhileAnotherUsersBatchIsPublished() {
        String userId = Conversations.userId();
        String marker = Conversations.marker();
        llm.replies(marker, "Sure! Here are the changes: add that they like tea");
        String otherUser = Conversations.userId();
        String otherMarker = Conversations.marker();
        llm.replies(otherMarker, BatchingTest.FORMATS_ANSWER);

        Conversations.sendSimple(userId, marker, 1, 3);
        Conversations.sendSimple(otherUser, otherMarker, 1, 3);

        Api.awaitPatches(otherUser, 1);
        JsonPath parked = awaitParked(userId);
        assertThat(llm.count(marker)).isEqualTo(2);
        assertThat(llm.requests(marker).get(1).path("messages").get(1).path("content").asText())
                .contains(Conversations.REPAIR_PHRASE, "MALFORMED_OUTPUT", "the answer is not a JSON object");
        assertThat(parked.getList("problems.code", String.class)).containsExactly("MALFORMED_OUTPUT");
        assertThat(parked.getList("rawAnswers", String.class)).hasSize(2)
                .allSatisfy(raw -> assertThat(raw).contains("they like tea"));
        assertThat(Api.patches(userId)).isEmpty();
    }

    @Test
    void aFieldOutsideTheSchemaIsSentBackOnceAndTheRepairedAnswerPublished() throws Exception {
        String userId = Conversations.userId();
        String marker = Conversations.marker();
        llm.replies(marker, answer("add_field", "Demographics", "Hobby", "\"gardening\""));
        llm.on(marker, Conversations.REPAIR_PHRASE).replies(BatchingTest.FORMATS_ANSWER);
        Conversations.sendSimple(userId, marker, 1, 3);

        var records = Api.awaitPatches(userId, 1);

        assertThat(llm.count(marker)).isEqualTo(2);
        assertThat(llm.requests(marker).get(1).path("messages").get(1).path("content").asText())
                .contains("PATH_OUTSIDE_SCHEMA", "/Demographics/Hobby");
        var proposed = PersonaJson.mapper().readTree(Api.openedJson(records.get(0)));
        assertThat(proposed.at("/patch/operations/0/path").asText()).isEqualTo("/Preference/Preferred_Formats");
        assertThat(proposed.at("/usage/calls").asInt()).isEqualTo(2);
    }

    @Test
    void aValidityOnALastingFieldIsSentBackOnceAndTheRepairedAnswerPublished() throws Exception {
        String userId = Conversations.userId();
        String marker = Conversations.marker();
        llm.replies(marker, """
                {"operations": [{"action": "add_field", "section": "Demographics", "field": "Name", "value": "Ana",
                  "reason": "the user said so", "until": "2099-12-31"}]}""");
        llm.on(marker, Conversations.REPAIR_PHRASE).replies(BatchingTest.FORMATS_ANSWER);
        Conversations.sendSimple(userId, marker, 1, 3);

        var records = Api.awaitPatches(userId, 1);

        assertThat(llm.requests(marker).get(1).path("messages").get(1).path("content").asText())
                .contains("NOT_TEMPORARY", "/Demographics/Name", "holds lasting values only");
        var proposed = PersonaJson.mapper().readTree(Api.openedJson(records.get(0)));
        assertThat(proposed.at("/patch/operations/0/path").asText()).isEqualTo("/Preference/Preferred_Formats");
        assertThat(proposed.at("/patch/operations/0/until").isMissingNode()).isTrue();
    }

    @Test
    void anOversizedValueParksTheBatch() {
        String userId = Conversations.userId();
        String marker = Conversations.marker();
        llm.replies(marker, answer("add_field", "Preference", "Preferred_Workflows",
                "\"" + "plans every step in detail ".repeat(30) + "\""));
        Conversations.sendSimple(userId, marker, 1, 3);

        JsonPath parked = awaitParked(userId);

        assertThat(parked.getList("problems.code", String.class)).contains("VALUE_TOO_LONG");
        assertThat(llm.count(marker)).isEqualTo(2);
        assertThat(Api.patches(userId)).isEmpty();
    }

    @Test
    void aMassRemovalParksTheBatch() {
        String userId = Conversations.userId();
        String marker = Conversations.marker();
        ObjectNode persona = PersonaJson.mapper().createObjectNode();
        ObjectNode demographics = persona.putObject("Demographics");
        demographics.put("Name", "Ana").put("Age", 41).put("Gender", "female").put("Nationality", "Portuguese");
        persona.putObject("Preference").put("Preferred_Styles", "warm");
        Conversations.sendPersona(userId, 3, persona);
        Api.awaitSnapshot(userId, 3);
        String removals = """
                {"operations": [
                  {"action": "remove_field", "section": "Demographics", "field": "Name", "reason": "r"},
                  {"action": "remove_field", "section": "Demographics", "field": "Age", "reason": "r"},
                  {"action": "remove_field", "section": "Demographics", "field": "Gender", "reason": "r"},
                  {"action": "remove_field", "section": "Demographics", "field": "Nationality", "reason": "r"}]}""";
        llm.replies(marker, removals);
        Conversations.sendSimple(userId, marker, 1, 3);

        JsonPath parked = awaitParked(userId);

        assertThat(parked.getList("problems.code", String.class)).contains("TOO_MANY_REMOVALS");
        assertThat(parked.getLong("baseVersion")).isEqualTo(3);
        assertThat(Api.patches(userId)).isEmpty();
    }

    @Test
    void assistantTextNeverBecomesAPersonaValue() {
        String userId = Conversations.userId();
        String marker = Conversations.marker();
        String claim = "a seasoned marine biologist who dives every weekend";
        llm.replies(marker, answer("update_field", "Demographics", "Career_Information", "\"" + claim + "\""));
        for (int n = 1; n <= 3; n++) {
            Conversations.send(session(userId, n, system("Persona block. SYSTEM-SECRET-" + marker),
                    user("[" + marker + "] What should I pack for a weekend at the coast?"),
                    assistant("As " + claim + ", you will want a wetsuit and a good mask.")));
        }

        JsonPath parked = awaitParked(userId);

        assertThat(parked.getList("problems.code", String.class)).containsExactly("NOT_SAID_BY_USER");
        assertThat(parked.getString("problems[0].path")).isEqualTo("/Demographics/Career_Information");
        String prompt = llm.requests(marker).get(0).path("messages").get(1).path("content").asText();
        assertThat(prompt).contains("ASSISTANT: As " + claim)
                .contains("USER: [" + marker + "] What should I pack")
                .doesNotContain("SYSTEM-SECRET-");
        assertThat(Api.patches(userId)).isEmpty();
    }

    @Test
    void aParkedBatchIsRerunOnRequestAndOnlyAParkedOne() {
        String userId = Conversations.userId();
        String marker = Conversations.marker();
        llm.replies(marker, "not json at all");
        Conversations.sendSimple(userId, marker, 1, 3);
        String id = awaitParked(userId).getString("id");
        given().queryParam("status", "parked").get("/batches").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.hasItem(id));

        llm.replies(marker, BatchingTest.FORMATS_ANSWER);
        given().post("/batches/{id}/rerun", id).then().statusCode(202).body("status", equalTo("READY"));
        Api.awaitPatches(userId, 1);

        assertThat(Api.batch(id).getString("status")).isEqualTo("PUBLISHED");
        given().post("/batches/{id}/rerun", id).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://ai-persona.dev/problems/batch-not-parked"));
        given().post("/batches/{id}/rerun", "6f1c1a9e-0000-4000-8000-000000000000").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    private static JsonPath awaitParked(String userId) {
        Map<String, Object> batch = Api.awaitBatch(userId, "PARKED");
        return Api.batch((String) batch.get("id"));
    }

    static String answer(String action, String section, String field, String valueJson) {
        return "{\"operations\": [{\"action\": \"" + action + "\", \"section\": \"" + section + "\", \"field\": \""
                + field + "\", \"value\": " + valueJson + ", \"reason\": \"the user said so\"}]}";
    }
}
