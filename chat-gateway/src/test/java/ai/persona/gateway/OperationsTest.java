package ai.persona.gateway;

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
    void readinessCoversTheDatabaseAndTheBroker() {
        given().get(ManagementPortTestResource.url("/q/health/ready")).then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Reactive PostgreSQL connections health check",
                        "SmallRye Reactive Messaging - readiness check"));
    }

    @Test
    void requestMetricsAreExposedForPrometheusOnTheManagementPortOnly() {
        given().get("/v1/models").then().statusCode(401);

        given().get(ManagementPortTestResource.url("/q/metrics")).then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count{"));
        // the public port serves neither: only the monitoring namespace reaches the management port
        given().get("/q/metrics").then().statusCode(404);
        given().get("/q/health/ready").then().statusCode(404);
    }

    @Test
    void theOpenApiDocumentDescribesBothApis() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/v1/chat/completions"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/sessions/{id}/messages"));
    }
}
