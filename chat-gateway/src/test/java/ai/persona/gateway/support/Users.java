package ai.persona.gateway.support;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.UUID;

import ai.persona.infra.testing.UserKeysTestResource;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Test users: a fresh id each, a token signed with the test key, and requests made as them (or as an app). */
public final class Users {

    private Users() {
    }

    public static String newUser(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    public static String token(String userId) {
        return UserKeysTestResource.keys().tokenFor(userId, Duration.ofHours(1));
    }

    /** An app key for the app: it acts for the end users its requests name. */
    public static String appToken(String appId) {
        return UserKeysTestResource.keys().appKeyFor(appId, Duration.ofHours(1));
    }

    /** A request to the gateway with this app's key. */
    public static RequestSpecification asApp(String appId) {
        return given().auth().oauth2(appToken(appId));
    }

    /** A request to the gateway as this user. */
    public static RequestSpecification as(String userId) {
        return given().auth().oauth2(token(userId));
    }

    /** Creates a session through the native API; its id. */
    public static String newSession(String userId) {
        return as(userId).contentType(ContentType.JSON).post("/api/sessions")
                .then().statusCode(201).extract().path("id");
    }

    /** One turn through the native API, returning the reply text. */
    public static String say(String userId, String sessionId, String content) {
        return as(userId).contentType(ContentType.JSON)
                .body(java.util.Map.of("content", content))
                .post("/api/sessions/{id}/messages", sessionId)
                .then().statusCode(200).extract().path("message.content");
    }
}
