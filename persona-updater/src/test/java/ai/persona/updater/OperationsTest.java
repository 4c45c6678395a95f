package ai.persona.updater;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import org.junit.jupiter.api.Test;

import ai.persona.infra.ManagementPortTestResource;
import ai.persona.infra.testing.InjectOpenAiStub;
import ai.persona.infra.testing.OpenAiStub;
import ai.persona.updater.support.Api;
import ai.persona.updater.support.Conversations;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OperationsTest {

    @InjectOpenAiStub
    OpenAiStub llm;

    @Test
    void readinessCoversTheDatabaseAndTheBroker() {
        given().get(ManagementPortTestResource.url("/q/health/ready")).then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Reactive PostgreSQL connections health check",
                        "SmallRye Reactive Messaging - readiness check"));
    }

    @Test
    void optimizerWorkShowsInTheMetrics() {
        String userId = Conversations.userId();
        String marker = Conversations.marker();
        llm.replies(marker, BatchingTest.FORMATS_ANSWER);
        Conversations.sendSimple(userId, marker, 1, 3);
        Api.awaitPatches(userId, 1);

        given().get(ManagementPortTestResource.url("/q/metrics")).then().statusCode(200)
                .body(containsString("persona_updater_batches_total{outcome=\"published\""))
                .body(containsString("persona_updater_operations_proposed_total{kind=\"add\""))
                .body(containsString("persona_updater_llm_calls_total{purpose=\"propose\",result=\"ok\""))
                .body(containsString("persona_updater_llm_tokens_total{direction=\"in\""))
                .body(containsString("persona_updater_optimizer_latency_seconds_count"))
                .body(containsString("persona_updater_sessions_total{result=\"buffered\""));
        given().get("/q/metrics").then().statusCode(404);
    }

    @Test
    void theApiIsDescribedByOpenApi() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body(containsString("/batches/{id}/rerun"))
                .body(containsString("/users/{userId}/settings"));
    }
}
