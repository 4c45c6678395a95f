package ai.persona.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AsyncApiTest {

    @Test
    void theAsyncApiDocumentIsPublic() {
        given().get("/asyncapi.yaml").then().statusCode(200)
                .contentType(startsWith("application/yaml"))
                .body(containsString("asyncapi: 3.0.0"))
                .body(containsString("address: persona.changed.v1"));
    }

    @Test
    void theSchemasTheDocumentRefersToAreServedBesideIt() {
        given().get("/schemas/ai.persona.PersonaChanged.v1.schema.json").then().statusCode(200)
                .contentType(startsWith("application/schema+json"))
                .body("title", equalTo("PersonaChanged"));
    }

    @Test
    void anUnknownSchemaIsAProblem404() {
        given().get("/schemas/ai.persona.Nothing.v1.schema.json").then().statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(404));
    }
}
