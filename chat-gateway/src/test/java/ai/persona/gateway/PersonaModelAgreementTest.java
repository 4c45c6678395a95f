package ai.persona.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import ai.persona.gateway.client.SessionServicePersonaModel;
import ai.persona.infra.ManagementPortTestResource;
import ai.persona.model.ConversationLimits;
import ai.persona.model.PersonaModelFingerprint;
import ai.persona.model.PersonaModelFingerprint.Part;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The gateway checks a turn against the conversation limits before it asks the model, and session-service checks it
 * again before it stores it: the gateway's start-up agreement covers those limits as well as the schema, against the
 * real session-service.
 */
@QuarkusTest
class PersonaModelAgreementTest {

    @Inject
    PersonaModelFingerprint own;

    @Inject
    SessionServicePersonaModel sessionService;

    @Test
    void theGatewayIsReadyWithTheSchemaAndConversationLimitsSessionServiceEnforces() {
        PersonaModelFingerprint enforced = sessionService.fingerprint().await().atMost(Duration.ofSeconds(30));

        assertThat(enforced.conversationLimits()).isEqualTo(ConversationLimits.defaults());
        assertThat(own.differencesFrom(enforced, sessionService.reliedOn())).isEmpty();
        given().get(ManagementPortTestResource.url("/q/health/ready")).then().statusCode(200)
                .body(containsString("Persona model agrees with session-service"));
    }

    @Test
    void otherConversationLimitsAtSessionServiceAreADifferenceTheGatewayRefusesToRunWith() {
        PersonaModelFingerprint enforced = new PersonaModelFingerprint(own.sha256(), own.schemaSha256(),
                own.optimizerLimits(), own.sensitiveCategories(), new ConversationLimits(200, 32000));

        assertThat(own.differencesFrom(enforced, sessionService.reliedOn()))
                .extracting(PersonaModelFingerprint.Difference::part)
                .containsExactly(Part.CONVERSATION_LIMITS);
    }
}
