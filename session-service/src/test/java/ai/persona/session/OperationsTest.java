package ai.persona.session;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import org.junit.jupiter.api.Test;

import ai.persona.infra.ManagementPortTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OperationsTest {

    @Test
    void readinessCoversTheDatabaseAndKafka() {
        given().get(ManagementPortTestResource.url("/q/health/ready")).then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Reactive PostgreSQL connections health check", "SmallRye Reactive Messaging - readiness check"));
    }

    @Test
    void metricsAreServedOnTheManagementPortAndOpenApiOnTheApiPort() {
        given().get("/users/{u}/persona", "metrics-probe").then().statusCode(404);
        given().get(ManagementPortTestResource.url("/q/metrics")).then().statusCode(200)
                .body(containsString("http_server_requests"));
        given().get("/q/metrics").then().statusCode(404);
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/users/{userId}/persona"));
    }
}
