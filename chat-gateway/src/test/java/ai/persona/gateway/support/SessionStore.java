package ai.persona.gateway.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.eclipse.microprofile.config.ConfigProvider;

import ai.persona.identity.ServiceIdentity;
import ai.persona.infra.ServiceKeysTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * session-service itself, called directly: to set up what another system would have done (an optimizer's persona
 * change, a deletion) and to check what the gateway stored, without going through the gateway under test.
 */
public final class SessionStore {

    private SessionStore() {
    }

    /** A call to session-service with an admin's service token, as an operator's tool would make it. */
    public static RequestSpecification asOperator() {
        return given().baseUri(url())
                .auth().oauth2(ServiceKeysTestResource.keys().tokenFor(ServiceIdentity.ADMIN, ServiceIdentity.SESSION_SERVICE));
    }

    public static String url() {
        return ConfigProvider.getConfig().getValue(SessionServiceProcess.URL_PROPERTY, String.class);
    }

    /** Imports a whole persona for the user (creating them); its new version. */
    public static long importPersona(String userId, String personaJson) {
        return asOperator().contentType(ContentType.JSON).body(personaJson)
                .put("/users/{u}/persona", userId)
                .then().statusCode(200).extract().jsonPath().getLong("version");
    }

    /** A user's own edit made elsewhere (not through this gateway); the new version. */
    public static long editPersona(String userId, long ifMatch, String patchJson) {
        return asOperator().contentType("application/json-patch+json").header("If-Match", "\"" + ifMatch + "\"")
                .body(patchJson)
                .patch("/users/{u}/persona", userId)
                .then().statusCode(200).extract().jsonPath().getLong("version");
    }

    public static void deleteUser(String userId) {
        asOperator().delete("/users/{u}", userId).then().statusCode(204);
    }

    /**
     * The session once session-service has materialized {@code messages} messages of it: the gateway records turns as
     * events, so session-service has them a moment after the turn answered.
     */
    public static JsonPath recorded(String userId, String sessionId, int messages) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> messageCount(userId, sessionId) == messages);
        return session(userId, sessionId);
    }

    /** The session once session-service has materialized its end. */
    public static JsonPath ended(String userId, String sessionId) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> asOperator().get("/users/{u}/sessions/{s}", userId, sessionId)
                        .then().extract().jsonPath().getString("endedAt") != null);
        return session(userId, sessionId);
    }

    private static int messageCount(String userId, String sessionId) {
        var response = asOperator().get("/users/{u}/sessions/{s}", userId, sessionId);
        return response.statusCode() == 200 ? response.jsonPath().getInt("messageCount") : -1;
    }

    public static JsonPath session(String userId, String sessionId) {
        return asOperator().get("/users/{u}/sessions/{s}", userId, sessionId)
                .then().statusCode(200).extract().jsonPath();
    }
}
