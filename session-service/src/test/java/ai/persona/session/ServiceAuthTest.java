package ai.persona.session;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import ai.persona.identity.ServiceIdentity;
import ai.persona.infra.ManagementPortTestResource;
import ai.persona.infra.ServiceKeysTestResource;
import ai.persona.infra.stack.JwtKeyFolder;
import ai.persona.model.PersonaFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;

/**
 * Only callers with a service token reach the API, each only the endpoints its role allows: the gateway what it serves
 * users with, the updater the current persona, admin everything. Real tokens signed with the callers' keys.
 */
@QuarkusTest
class ServiceAuthTest {

    private record Call(String method, String path) {

        /** The media type the endpoint takes: a 415 would come before authentication. */
        String contentType() {
            return method.equals("PATCH") ? "application/json-patch+json" : "application/json";
        }

        String body() {
            return method.equals("PATCH") ? "[]" : "{}";
        }
    }

    /** Every endpoint of the API, with a user and session that need not exist: authentication comes first. */
    private static final List<Call> EVERY_ENDPOINT = List.of(
            new Call("POST", "/users/u1/sessions"),
            new Call("GET", "/users/u1/sessions"),
            new Call("GET", "/users/u1/sessions/s1"),
            new Call("POST", "/users/u1/sessions/s1/messages"),
            new Call("POST", "/users/u1/sessions/s1/end"),
            new Call("POST", "/users/u1/sessions/s1/published"),
            new Call("GET", "/users/u1/persona"),
            new Call("GET", "/users/u1/persona/history"),
            new Call("GET", "/users/u1/persona/versions/1"),
            new Call("GET", "/users/u1/persona/diff?from=0&to=1"),
            new Call("PATCH", "/users/u1/persona"),
            new Call("POST", "/users/u1/persona/rollback"),
            new Call("PUT", "/users/u1/persona"),
            new Call("GET", "/users/u1/persona/pins"),
            new Call("PUT", "/users/u1/persona/pins"),
            new Call("GET", "/users/u1/persona/provenance"),
            new Call("GET", "/users/u1/export"),
            new Call("DELETE", "/users/u1"),
            new Call("GET", "/sessions/unpublished"),
            new Call("POST", "/sessions/end-idle"),
            new Call("GET", "/persona-model"),
            new Call("GET", "/users/u1/content-key"),
            new Call("POST", "/users/u1/content-key"));

    @Test
    void everyEndpointWithoutACredentialIsA401Problem() {
        for (Call call : EVERY_ENDPOINT) {
            given().noFilters().contentType(call.contentType()).body(call.body())
                    .request(call.method(), call.path())
                    .then().statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", "Bearer")
                    .body("status", equalTo(401))
                    .body("instance", equalTo(call.path().replaceAll("\\?.*", "")));
        }
    }

    @Test
    void theUpdatersTokenReadsTheCurrentPersonaAndItsPinsAndNothingElse() {
        String userId = "auth-" + UUID.randomUUID();
        given().contentType(ContentType.JSON).body(PersonaFixtures.teaShopOwner().toString())
                .put("/users/{u}/persona", userId).then().statusCode(200);
        String updater = ServiceTokens.tokenOf(ServiceIdentity.UPDATER);

        given().auth().oauth2(updater).get("/users/{u}/persona", userId).then().statusCode(200)
                .body("version", equalTo(1));
        given().auth().oauth2(updater).get("/users/{u}/persona/pins", userId).then().statusCode(200)
                .body("pins", equalTo(List.of()));
        for (Call call : EVERY_ENDPOINT) {
            if (call.equals(new Call("GET", "/users/u1/persona"))
                    || call.equals(new Call("GET", "/users/u1/persona/pins"))
                    || call.equals(new Call("GET", "/persona-model"))
                    || call.equals(new Call("GET", "/users/u1/content-key"))) {
                continue;
            }
            given().auth().oauth2(updater).contentType(call.contentType()).body(call.body())
                    .request(call.method(), call.path())
                    .then().statusCode(403)
                    .contentType("application/problem+json")
                    .body("status", equalTo(403));
        }
    }

    @Test
    void theUpdaterAndTheGatewayReadThePersonaModelEnforcedHere() {
        for (String caller : List.of(ServiceIdentity.UPDATER, ServiceIdentity.GATEWAY)) {
            given().auth().oauth2(ServiceTokens.tokenOf(caller)).get("/persona-model").then().statusCode(200)
                    .body("sha256", matchesPattern("[0-9a-f]{64}"))
                    .body("schemaSha256", matchesPattern("[0-9a-f]{64}"))
                    .body("optimizerLimits.maxOperations", equalTo(20))
                    .body("optimizerLimits.maxRemovals", equalTo(3))
                    .body("sensitiveCategories", hasItems("payment-card", "health"));
        }
    }

    @Test
    void theGatewaysTokenServesUsersButNotOperations() {
        String userId = "auth-" + UUID.randomUUID();
        String gateway = ServiceTokens.tokenOf(ServiceIdentity.GATEWAY);

        given().auth().oauth2(gateway).contentType(ContentType.JSON).body("{}")
                .post("/users/{u}/sessions", userId).then().statusCode(201);
        given().auth().oauth2(gateway).get("/users/{u}/sessions", userId).then().statusCode(200)
                .body("items.size()", equalTo(1));
        given().auth().oauth2(gateway).get("/users/{u}/export", userId).then().statusCode(200);
        given().auth().oauth2(gateway).post("/sessions/end-idle").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(gateway).get("/sessions/unpublished").then().statusCode(403);
        given().auth().oauth2(gateway).contentType(ContentType.JSON).body("{\"messages\":[]}")
                .post("/users/{u}/sessions/s1/messages", userId).then().statusCode(403);
    }

    @Test
    void rolesComeFromTheSigningKeyNotFromTheTokensClaims() {
        String claimsAdmin = Jwt.issuer(ServiceIdentity.ISSUER)
                .subject(ServiceIdentity.UPDATER)
                .audience(ServiceIdentity.SESSION_SERVICE)
                .groups(ServiceIdentity.ADMIN)
                .expiresIn(Duration.ofMinutes(5))
                .jws().keyId(ServiceIdentity.UPDATER)
                .sign(ServiceKeysTestResource.keys().folder().resolve(ServiceIdentity.UPDATER)
                        .resolve("privateKey.pem").toUri().toString());
        given().auth().oauth2(claimsAdmin).get("/sessions/unpublished").then().statusCode(403);

        String subjectNotTheKey = Jwt.issuer(ServiceIdentity.ISSUER)
                .subject(ServiceIdentity.ADMIN)
                .audience(ServiceIdentity.SESSION_SERVICE)
                .expiresIn(Duration.ofMinutes(5))
                .jws().keyId(ServiceIdentity.UPDATER)
                .sign(ServiceKeysTestResource.keys().folder().resolve(ServiceIdentity.UPDATER)
                        .resolve("privateKey.pem").toUri().toString());
        given().auth().oauth2(subjectNotTheKey).get("/sessions/unpublished").then().statusCode(403);
    }

    @Test
    void aTokenFromAnUnknownKeyAnotherAudienceOrTooLongALifeIsA401() {
        JwtKeyFolder stranger = JwtKeyFolder.ensure(ServiceKeysTestResource.keys().folder().resolveSibling(
                "stranger-keys"), ServiceIdentity.ISSUER);
        String forged = Jwt.issuer(ServiceIdentity.ISSUER)
                .subject(ServiceIdentity.ADMIN)
                .audience(ServiceIdentity.SESSION_SERVICE)
                .expiresIn(Duration.ofMinutes(5))
                .jws().keyId(ServiceIdentity.ADMIN)
                .sign(stranger.folder().resolve("privateKey.pem").toUri().toString());
        given().auth().oauth2(forged).get("/sessions/unpublished").then().statusCode(401);

        String forTheUpdater = ServiceKeysTestResource.keys().tokenFor(ServiceIdentity.ADMIN, ServiceIdentity.UPDATER);
        given().auth().oauth2(forTheUpdater).get("/sessions/unpublished").then().statusCode(401);

        String forADay = ServiceKeysTestResource.keys().tokenFor(ServiceIdentity.ADMIN, ServiceIdentity.SESSION_SERVICE,
                Duration.ofDays(1));
        given().auth().oauth2(forADay).get("/sessions/unpublished").then().statusCode(401);

        given().auth().oauth2(ServiceTokens.tokenOf(ServiceIdentity.ADMIN)).get("/sessions/unpublished")
                .then().statusCode(200);
    }

    @Test
    void healthAndMetricsNeedNoCredential() {
        given().noFilters().get(ManagementPortTestResource.url("/q/health/ready")).then().statusCode(200);
        given().noFilters().get(ManagementPortTestResource.url("/q/metrics")).then().statusCode(200);
    }
}
