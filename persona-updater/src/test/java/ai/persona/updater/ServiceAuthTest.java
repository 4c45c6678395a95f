package ai.persona.updater;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import ai.persona.identity.ServiceIdentity;
import ai.persona.infra.ManagementPortTestResource;
import ai.persona.infra.ServiceKeysTestResource;
import ai.persona.updater.support.ServiceTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The updater's API is for operators, and a user's learning settings also for the gateway: no credential is a 401
 * problem, another caller's service token a 403 problem.
 */
@QuarkusTest
class ServiceAuthTest {

    private static final List<String[]> EVERY_ENDPOINT = List.of(
            new String[] { "GET", "/batches" },
            new String[] { "GET", "/batches/" + UUID.randomUUID() },
            new String[] { "POST", "/batches/" + UUID.randomUUID() + "/rerun" },
            new String[] { "GET", "/users/u1" },
            new String[] { "PUT", "/users/u1/settings" },
            new String[] { "POST", "/users/u1/flush" });

    @Test
    void everyEndpointWithoutACredentialIsA401Problem() {
        for (String[] call : EVERY_ENDPOINT) {
            given().noFilters().contentType(ContentType.JSON).body("{}")
                    .request(call[0], call[1])
                    .then().statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", "Bearer")
                    .body("status", equalTo(401))
                    .body("instance", equalTo(call[1]));
        }
    }

    @Test
    void theUpdatersOwnTokenIsA403ProblemEverywhere() {
        String token = ServiceTokens.tokenOf(ServiceIdentity.UPDATER);
        for (String[] call : EVERY_ENDPOINT) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body("{}")
                    .request(call[0], call[1])
                    .then().statusCode(403)
                    .contentType("application/problem+json")
                    .body("status", equalTo(403));
        }
    }

    @Test
    void theGatewaysTokenReachesAUsersLearningSettingsAndNothingElse() {
        String token = ServiceTokens.tokenOf(ServiceIdentity.GATEWAY);
        for (String[] call : List.of(EVERY_ENDPOINT.get(0), EVERY_ENDPOINT.get(1), EVERY_ENDPOINT.get(2),
                EVERY_ENDPOINT.get(5))) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body("{}")
                    .request(call[0], call[1])
                    .then().statusCode(403)
                    .contentType("application/problem+json");
        }
        given().auth().oauth2(token).get("/users/{u}", "gateway-user").then().statusCode(200)
                .body("learningEnabled", equalTo(true));
        // past authorization: the body is checked (learningEnabled is required)
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{}").put("/users/{u}/settings", "gateway-user")
                .then().statusCode(400);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"learningEnabled\": false}")
                .put("/users/{u}/settings", "gateway-user").then().statusCode(200)
                .body("learningEnabled", equalTo(false));
    }

    @Test
    void anAdminTokenForAnotherServiceIsA401AndForThisOneServes() {
        String forSessionService = ServiceKeysTestResource.keys().tokenFor(ServiceIdentity.ADMIN,
                ServiceIdentity.SESSION_SERVICE);
        given().auth().oauth2(forSessionService).get("/users/{u}", "auth-user").then().statusCode(401);
        given().auth().oauth2(ServiceTokens.tokenOf(ServiceIdentity.ADMIN)).get("/users/{u}", "auth-user")
                .then().statusCode(200);
    }

    @Test
    void healthAndMetricsNeedNoCredential() {
        given().noFilters().get(ManagementPortTestResource.url("/q/health/ready")).then().statusCode(200);
        given().noFilters().get(ManagementPortTestResource.url("/q/metrics")).then().statusCode(200);
    }
}
