package ai.persona.gateway;

import static ai.persona.gateway.support.Users.as;
import static ai.persona.gateway.support.Users.newUser;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Pins through the gateway: the user's own, kept by session-service, possible before anything was learned; and the
 * provenance of the user's own fields.
 */
@QuarkusTest
class PersonaPinsTest {

    @Test
    void aNewUserHasNoPinsAndMayPinBeforeAnythingWasLearned() {
        String user = newUser("pins");
        as(user).get("/api/persona/pins").then().statusCode(200).body("pins", empty());

        as(user).contentType(ContentType.JSON)
                .body(Map.of("pins", List.of("/Demographics", "/Preference/Preferred_Styles")))
                .put("/api/persona/pins")
                .then().statusCode(200).body("pins", contains("/Demographics", "/Preference/Preferred_Styles"));

        as(user).get("/api/persona/pins").then().statusCode(200)
                .body("pins", contains("/Demographics", "/Preference/Preferred_Styles"));
        as(user).get("/api/persona").then().statusCode(200).body("version", equalTo(0));
        as(newUser("pins")).get("/api/persona/pins").then().statusCode(200).body("pins", empty());
    }

    @Test
    void aPinOutsideTheSchemaIsAProblemAndLeavesThePinsAsTheyWere() {
        String user = newUser("pins");
        as(user).contentType(ContentType.JSON).body(Map.of("pins", List.of("/Preference")))
                .put("/api/persona/pins").then().statusCode(200);

        as(user).contentType(ContentType.JSON).body(Map.of("pins", List.of("/No_Such_Section")))
                .put("/api/persona/pins")
                .then().statusCode(400).contentType("application/problem+json").body("status", equalTo(400));

        as(user).get("/api/persona/pins").then().statusCode(200).body("pins", contains("/Preference"));
    }

    @Test
    void provenanceNamesWhatSetEachFieldOfTheUsersOwnPersona() {
        String user = newUser("provenance");
        as(user).get("/api/persona/provenance").then().statusCode(200).body("version", equalTo(0))
                .body("fields", empty());
        as(user).contentType("application/json-patch+json").header("If-Match", "0")
                .body("[{\"op\":\"add\",\"path\":\"/Preference/Preferred_Styles\",\"value\":\"short\","
                        + "\"reason\":\"I asked for short answers\"}]")
                .patch("/api/persona").then().statusCode(200);

        as(user).get("/api/persona/provenance").then().statusCode(200)
                .body("version", equalTo(1))
                .body("fields.path", contains("/Preference/Preferred_Styles"))
                .body("fields[0].version", equalTo(1))
                .body("fields[0].source", equalTo("USER_EDIT"))
                .body("fields[0].reason", equalTo("I asked for short answers"));
        as(newUser("provenance")).get("/api/persona/provenance").then().statusCode(200).body("fields", empty());
    }
}
