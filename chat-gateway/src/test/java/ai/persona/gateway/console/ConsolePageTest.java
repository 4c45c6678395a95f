package ai.persona.gateway.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The console's page is served without a sign-in (its calls carry the token), and the site's root leads to it. */
@QuarkusTest
class ConsolePageTest {

    @Test
    void theRootAndConsoleWithoutASlashRedirectToTheConsole() {
        given().redirects().follow(false).get("/")
                .then().statusCode(303).header("Location", endsWith("/console/"));
        given().redirects().follow(false).get("/console")
                .then().statusCode(303).header("Location", endsWith("/console/"));
    }

    @Test
    void thePageAndItsModulesAreServedWithoutAToken() {
        given().get("/console/")
                .then().statusCode(200).contentType(startsWith("text/html"))
                .body(containsString("<title>AI Persona console</title>"));
        given().get("/console/js/api.js")
                .then().statusCode(200).contentType(containsString("javascript"))
                .body(containsString("Authorization"));
    }

    @Test
    void theApiStillWantsAToken() {
        given().get("/api/persona").then().statusCode(401);
    }
}
