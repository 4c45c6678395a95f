package ai.persona.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OperationsTest {

    @Test
    void readinessCoversTheDatabaseAndTheBroker() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Reactive PostgreSQL connections health check",
                        "SmallRye Reactive Messaging - readiness check"));
    }

    @Test
    void requestMetricsAreExposedForPrometheus() {
        given().get("/v1/models").then().statusCode(401);

        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests_seconds_count{"));
    }

    @Test
    void theOpenApiDocumentDescribesBothApis() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/v1/chat/completions"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/sessions/{id}/messages"));
    }
}
