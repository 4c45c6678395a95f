package ai.persona.gateway;

import static ai.persona.gateway.support.PastSessionsSetup.ended;
import static ai.persona.gateway.support.PastSessionsSetup.withRetrieval;
import static ai.persona.gateway.support.Users.newSession;
import static ai.persona.gateway.support.Users.newUser;
import static ai.persona.gateway.support.Users.say;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.DisabledOnIntegrationTest;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import ai.persona.infra.ManagementPortTestResource;
import ai.persona.infra.testing.InjectOpenAiStub;
import ai.persona.infra.testing.OpenAiStub;

/**
 * The packaged application (the JVM jar here) as a separate process, against the same PostgreSQL, Kafka,
 * session-service and model stub as the other tests: what a packaging mistake would break first.
 */
@QuarkusIntegrationTest
class ChatGatewayIT {

    @InjectOpenAiStub
    OpenAiStub llm;

    @Test
    void ready() {
        given().get(ManagementPortTestResource.url("/q/health/ready")).then().statusCode(200)
                .body("status", equalTo("UP"));
    }

    // the packaged application runs in the prod profile, where the generated API description is not public
    @Test
    void theApiDescriptionIsNotServed() {
        given().get("/q/openapi").then().statusCode(401);
        given().get("/q/swagger-ui/").then().statusCode(401);
        given().get("/asyncapi.yaml").then().statusCode(200);
    }

    // the embedding model is ONNX Runtime and a native tokenizer, loaded from the jar at run time
    @Test
    @DisabledOnIntegrationTest(forArtifactTypes = DisabledOnIntegrationTest.ArtifactType.NATIVE_BINARY,
            value = "the in-process embedding model's native libraries are not configured for a native image")
    void aPastSessionIsRetrievedByThePackagedApplication() {
        String user = withRetrieval(newUser("it"), false);
        ended(user, "My car makes a grinding noise when I brake, do the pads need replacing?");
        ended(user, "My Python script fails with KeyError when I read the config dictionary");

        say(user, newSession(user), "packaged-" + user + " the brake pads squeal");

        String system = llm.requests("packaged-" + user).get(0).path("messages").path(0).path("content").asText();
        assertThat(system).contains("grinding noise").doesNotContain("KeyError");
    }
}
