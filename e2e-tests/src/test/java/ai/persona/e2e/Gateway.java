package ai.persona.e2e;

import static io.restassured.RestAssured.given;

import java.util.List;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** One user talking to the gateway's public API with their own token, as any client would. */
final class Gateway {

    private final String baseUrl;
    private final String token;

    Gateway(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    private RequestSpecification as() {
        return given().baseUri(baseUrl).auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** A whole session: open, say each line, end. Returns the session id. */
    String converse(String... lines) {
        String sessionId = as().post("/api/sessions").then().statusCode(201).extract().path("id");
        for (String line : lines) {
            say(sessionId, line);
        }
        as().post("/api/sessions/{id}/end", sessionId).then().statusCode(200);
        return sessionId;
    }

    String open() {
        return as().post("/api/sessions").then().statusCode(201).extract().path("id");
    }

    void say(String sessionId, String line) {
        as().body("{\"content\":\"" + line + "\"}").post("/api/sessions/{id}/messages", sessionId)
                .then().statusCode(200);
    }

    void end(String sessionId) {
        as().post("/api/sessions/{id}/end", sessionId).then().statusCode(200);
    }

    JsonPath persona() {
        return as().get("/api/persona").then().statusCode(200).extract().jsonPath();
    }

    long personaVersion() {
        return persona().getLong("version");
    }

    List<java.util.Map<String, Object>> history() {
        return as().get("/api/persona/history").then().statusCode(200).extract().jsonPath().getList("items");
    }

    /** Replaces the user's pins: fields and sections the optimizer may not change. */
    void pin(String... pointers) {
        as().body(java.util.Map.of("pins", List.of(pointers))).put("/api/persona/pins").then().statusCode(200);
    }

    void deleteMe() {
        as().delete("/api/me").then().statusCode(204);
    }

    int status(String method, String path) {
        return as().request(method, path).statusCode();
    }
}
