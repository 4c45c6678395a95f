package ai.persona.updater;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;

import org.junit.jupiter.api.Test;

import ai.persona.infra.testing.InjectOpenAiStub;
import ai.persona.infra.testing.OpenAiStub;
import ai.persona.updater.support.Api;
import ai.persona.updater.support.Conversations;
import io.quarkus.test.junit.DisabledOnIntegrationTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class UserSettingsApiTest {

    @InjectOpenAiStub
    OpenAiStub llm;

    @Test
    void aUserWithLearningOffIsNotLearnedFrom() {
        String userId = Conversations.userId();
        String marker = Conversations.marker();
        llm.replies(marker, BatchingTest.FORMATS_ANSWER);
        Api.settings(userId, false, null);
        Conversations.sendSimple(userId, marker, 1, 3);

        Api.settings(userId, true, null);
        Conversations.sendSimple(userId, marker, 4, 4);
        Api.awaitBuffered(userId, 1);

        assertThat(Api.buffered(userId)).containsExactly(userId + "-s4");
        assertThat(llm.count(marker)).isZero();
        assertThat(Api.state(userId).getBoolean("learningEnabled")).isTrue();
    }

    // the user's second batch waits for the first one's patch to be applied, which no session-service here does: a
    // second in the test profile, the production predecessor-wait (90 s) in the packaged application
    @Test
    @DisabledOnIntegrationTest("the second batch would wait the production predecessor-wait")
    void aUsersOwnKDecidesTheBatchSizeAndLoweringItSealsAtOnce() {
        String userId = Conversations.userId();
        String marker = Conversations.marker();
        llm.replies(marker, BatchingTest.FORMATS_ANSWER);
        Conversations.sendSimple(userId, marker, 1, 2);
        Api.awaitBuffered(userId, 2);

        given().contentType(ContentType.JSON).body("{\"learningEnabled\": true, \"batchSize\": 2}")
                .put("/users/{id}/settings", userId)
                .then().statusCode(200)
                .body("batchSize", equalTo(2))
                .body("defaultBatchSize", equalTo(false))
                .body("bufferedSessionIds", hasSize(0));
        Api.awaitPatches(userId, 1);
        Conversations.sendSimple(userId, marker, 3, 4);
        Api.awaitPatches(userId, 2);

        assertThat(Api.batches(userId)).extracting(b -> b.get("sessionIds")).containsExactlyInAnyOrder(
                List.of(userId + "-s1", userId + "-s2"), List.of(userId + "-s3", userId + "-s4"));
        assertThat(llm.count(marker)).isEqualTo(2);
    }

    @Test
    void aUsersOwnOptimizerModeIsKeptAndNullRestoresTheDeploymentDefault() {
        String userId = Conversations.userId();
        given().get("/users/{id}", userId).then().statusCode(200)
                .body("optimizerMode", equalTo("conservative"))
                .body("defaultOptimizerMode", equalTo(true));

        given().contentType(ContentType.JSON).body("{\"learningEnabled\": true, \"optimizerMode\": \"paper\"}")
                .put("/users/{id}/settings", userId)
                .then().statusCode(200)
                .body("optimizerMode", equalTo("paper"))
                .body("defaultOptimizerMode", equalTo(false));
        given().get("/users/{id}", userId).then().statusCode(200).body("optimizerMode", equalTo("paper"));

        given().contentType(ContentType.JSON).body("{\"learningEnabled\": true, \"batchSize\": 4}")
                .put("/users/{id}/settings", userId)
                .then().statusCode(200)
                .body("optimizerMode", equalTo("conservative"))
                .body("defaultOptimizerMode", equalTo(true))
                .body("batchSize", equalTo(4));
    }

    @Test
    void aFlushSealsAPartialBatchNow() {
        String userId = Conversations.userId();
        String marker = Conversations.marker();
        llm.replies(marker, BatchingTest.FORMATS_ANSWER);
        Conversations.sendSimple(userId, marker, 1, 1);
        Api.awaitBuffered(userId, 1);

        given().post("/users/{id}/flush", userId).then().statusCode(200).body("sealedBatchIds", hasSize(1));
        Api.awaitPatches(userId, 1);

        assertThat(Api.awaitBatch(userId, "PUBLISHED")).containsEntry("trigger", "MANUAL")
                .containsEntry("sessionIds", List.of(userId + "-s1"));
        given().post("/users/{id}/flush", userId).then().statusCode(200).body("sealedBatchIds", hasSize(0));
    }

    @Test
    void clientMistakesAreAnsweredWithProblemDetails() {
        String userId = Conversations.userId();
        given().contentType(ContentType.JSON).body("{\"learningEnabled\": true, \"batchSize\": 0}")
                .put("/users/{id}/settings", userId)
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400)).body("detail", containsString("batchSize"));
        given().contentType(ContentType.JSON).body("{\"learningEnabled\": true, \"optimizerMode\": \"creative\"}")
                .put("/users/{id}/settings", userId)
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("optimizerMode must be one of [conservative, paper]"));
        given().contentType(ContentType.JSON).body("{\"batchSize\": 2}")
                .put("/users/{id}/settings", userId)
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("learningEnabled"));
        given().contentType(ContentType.JSON).body("{\"learningEnabled\": tru")
                .put("/users/{id}/settings", userId)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://ai-persona.dev/problems/malformed-json"));
        given().queryParam("status", "SOMEWHERE").get("/batches")
                .then().statusCode(400).contentType("application/problem+json");
        given().get("/batches/{id}", "not-a-uuid")
                .then().statusCode(404).contentType("application/problem+json");
        assertThat(Api.patches(userId)).isEmpty();
    }
}
