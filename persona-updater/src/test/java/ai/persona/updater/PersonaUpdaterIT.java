package ai.persona.updater;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ai.persona.infra.ManagementPortTestResource;
import ai.persona.infra.testing.InjectOpenAiStub;
import ai.persona.infra.testing.OpenAiStub;
import ai.persona.infra.testing.TestKafka;
import ai.persona.updater.support.Api;
import ai.persona.updater.support.Conversations;
import ai.persona.updater.support.ServiceTokens;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;

/**
 * The packaged application (the JVM jar here; the native binary with {@code -Dnative}) as a separate process, against
 * the same PostgreSQL, Kafka and model stub as the other tests ({@code UpdaterTestResources}: their settings reach the
 * process as system properties). Few and fast: what a packaging or native-image mistake would break first.
 */
@QuarkusIntegrationTest
class PersonaUpdaterIT {

    @BeforeAll
    static void callAsAnOperator() {
        ServiceTokens.install();
    }

    @InjectOpenAiStub
    OpenAiStub llm;

    @Test
    void readyWithTheDatabaseAndTheBroker() {
        given().get(ManagementPortTestResource.url("/q/health/ready")).then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Reactive PostgreSQL connections health check",
                        "SmallRye Reactive Messaging - readiness check"));
        given().get(ManagementPortTestResource.url("/q/health/started")).then().statusCode(200);
    }

    @Test
    void threeCompletedConversationsBecomeOneProposedPatch() throws Exception {
        String userId = Conversations.userId();
        String marker = Conversations.marker();
        llm.replies(marker, BatchingTest.FORMATS_ANSWER);
        given().contentType(ContentType.JSON).body("{\"learningEnabled\": true, \"batchSize\": 3}")
                .put("/users/{id}/settings", userId)
                .then().statusCode(200).body("batchSize", equalTo(3));

        Conversations.sendSimple(userId, marker, 1, 3);

        List<ConsumerRecord<String, String>> patches = Api.awaitPatches(userId, 1);
        assertThat(patches).hasSize(1);
        assertThat(TestKafka.header(patches.get(0), "ce_type")).isEqualTo("ai.persona.PersonaPatchProposed.v1");
        assertThat(patches.get(0).value()).doesNotContain("Preferred_Formats", "plain text files");
        assertThat(Api.openedJson(patches.get(0))).contains("Preferred_Formats", "plain text files");
        assertThat(llm.count(marker)).isEqualTo(1);
    }
}
