package ai.persona.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;

/**
 * User ids are whatever the login provider puts in the token's subject: provider prefixes with '|', e-mail addresses,
 * UUIDs, non-ASCII names, SAML name ids with spaces and colons. Each must work like a plain id, and the Location of a
 * new session must be its path with the id percent-encoded as a path segment (RFC 3986: '|', space and non-ASCII
 * encoded; '+', '@', ':' and '=' are allowed as they are). Each case deletes its user at the end, so the fixed ids
 * start afresh on the next run.
 */
@QuarkusTest
class ProviderUserIdsTest {

    static Stream<Arguments> providerIds() {
        return Stream.of(
                Arguments.of("auth0|5f7c8e9a1b2c3d4e", "auth0%7C5f7c8e9a1b2c3d4e"),
                Arguments.of("google-oauth2|104913538732901475812", "google-oauth2%7C104913538732901475812"),
                Arguments.of("alice.smith+work@example.com", "alice.smith+work@example.com"),
                Arguments.of("6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f", "6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f"),
                Arguments.of("José-Müller-東京", "Jos%C3%A9-M%C3%BCller-%E6%9D%B1%E4%BA%AC"),
                Arguments.of("samlp|corp:ad|CN=Ann Lee", "samlp%7Ccorp:ad%7CCN=Ann%20Lee"));
    }

    @ParameterizedTest
    @MethodSource("providerIds")
    void aProviderStyleUserIdWorksLikeAPlainOne(String userId, String encodedUserId) {
        Response created = given().contentType(ContentType.JSON).body("{}").post("/users/{u}/sessions", userId);
        created.then().statusCode(201).body("userId", equalTo(userId));
        String sessionId = created.path("id");
        String location = created.header("Location");
        assertThat(location).isEqualTo("http://localhost:" + RestAssured.port + "/users/" + encodedUserId
                + "/sessions/" + sessionId);

        SessionApiTest.say(userId, sessionId, "USER", "hello from " + userId);
        given().get("/users/{u}/sessions/{s}", userId, sessionId).then().statusCode(200)
                .body("userId", equalTo(userId))
                .body("messages.content", contains("hello from " + userId));
        given().urlEncodingEnabled(false).get(location).then().statusCode(200).body("id", equalTo(sessionId));
        // newest first, so the session just made leads the list whatever earlier runs left behind
        given().get("/users/{u}/sessions", userId).then().statusCode(200).body("items[0].id", equalTo(sessionId));
        given().contentType(ContentType.JSON).body("{}").post("/users/{u}/sessions/{s}/end", userId, sessionId)
                .then().statusCode(200).body("endedAt", notNullValue()).body("endReason", equalTo("explicit"));

        String plainUserId = "user-" + UUID.randomUUID();
        SessionApiTest.createSession(plainUserId);
        Response plain = given().get("/users/{u}/persona", plainUserId);
        given().get("/users/{u}/persona", userId).then().statusCode(plain.statusCode())
                .header("ETag", plain.header("ETag"))
                .body("version", equalTo(plain.<Integer>path("version")))
                .body("persona", equalTo(plain.path("persona")));
        assertThat(plain.statusCode()).isEqualTo(200);

        given().get("/users/{u}/export", userId).then().statusCode(200)
                .body("userId", equalTo(userId)).body("sessions.id", hasItem(sessionId));
        given().delete("/users/{u}", userId).then().statusCode(204);
        given().get("/users/{u}/sessions", userId).then().statusCode(404);
    }

    @ParameterizedTest
    @ValueSource(strings = { " auth0|5f7c8e", "auth0|5f7c8e ", "a/b", " " })
    void anIdWithASlashOrASpaceAtEitherEndIsRefused(String id) {
        given().contentType(ContentType.JSON).body(Map.of("sessionId", id))
                .post("/users/{u}/sessions", "user-" + UUID.randomUUID())
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("sessionId"));
    }
}
