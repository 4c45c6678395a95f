package ai.persona.gateway.support;

import static io.restassured.RestAssured.given;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;

import ai.persona.gateway.auth.TokenMint;
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
        Path keys = Path.of(ConfigProvider.getConfig().getValue(JwtKeysResource.KEYS_PROPERTY, String.class));
        try {
            return TokenMint.mint(userId, keys, TokenMint.ISSUER, Duration.ofHours(1));
        } catch (Exception e) {
            throw new IllegalStateException("cannot mint a token for " + userId, e);
        }
    }

    /** An app key for the app: it acts for the end users its requests name. */
    public static String appToken(String appId) {
        Path keys = Path.of(ConfigProvider.getConfig().getValue(JwtKeysResource.KEYS_PROPERTY, String.class));
        try {
            return TokenMint.mintApp(appId, keys, TokenMint.ISSUER, Duration.ofHours(1));
        } catch (Exception e) {
            throw new IllegalStateException("cannot mint an app key for " + appId, e);
        }
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
