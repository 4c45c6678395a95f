package ai.persona.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ai.persona.events.EventContract;
import ai.persona.infra.ManagementPortTestResource;
import ai.persona.infra.testing.TestKafka;
import ai.persona.model.PersonaFixtures;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;

/**
 * The packaged application (the JVM jar here; the native binary with {@code -Dnative}) as a separate process, against
 * the same PostgreSQL and Kafka as the other tests ({@link TestInfrastructure}: their settings reach the process as
 * system properties). Few and fast: what a packaging or native-image mistake would break first.
 */
@QuarkusIntegrationTest
class SessionServiceIT {

    private static final TestKafka KAFKA = TestKafka.ofConfig();

    @BeforeAll
    static void callAsAnOperator() {
        ServiceTokens.install();
    }

    @Test
    void readyWithTheDatabaseAndTheBroker() {
        given().get(ManagementPortTestResource.url("/q/health/ready")).then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Reactive PostgreSQL connections health check",
                        "SmallRye Reactive Messaging - readiness check"));
        given().get(ManagementPortTestResource.url("/q/health/started")).then().statusCode(200);
    }

    @Test
    void aSessionWithToolCallsAndAnImportedPersonaRoundTrip() {
        String userId = "it-user-" + UUID.randomUUID();
        String sessionId = given().contentType(ContentType.JSON).body("{}")
                .post("/users/{u}/sessions", userId)
                .then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON)
                .body("""
                        {"messages":[
                          {"role":"USER","content":"find me a quiet tea house"},
                          {"role":"ASSISTANT","toolCalls":[{"id":"c1","name":"webSearch","arguments":"{}"}]},
                          {"role":"TOOL","content":"[tea houses]","toolCallId":"c1"}]}""")
                .post("/users/{u}/sessions/{s}/messages", userId, sessionId)
                .then().statusCode(200).body("messageCount", equalTo(3));
        given().get("/users/{u}/sessions/{s}", userId, sessionId).then().statusCode(200)
                .body("messages.role", contains("USER", "ASSISTANT", "TOOL"))
                .body("messages[1].toolCalls[0].name", equalTo("webSearch"));

        given().contentType(ContentType.JSON).body(PersonaFixtures.teaShopOwner().toString())
                .put("/users/{u}/persona", userId)
                .then().statusCode(200).header("ETag", "\"1\"").body("version", equalTo(1));
        // the outbox relay publishes the change on the compacted topic, keyed by user id
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                KAFKA.records(EventContract.PERSONA_CHANGED.topic(), userId)).hasSize(1));
    }
}
