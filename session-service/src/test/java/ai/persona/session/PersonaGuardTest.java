package ai.persona.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import ai.persona.events.EventContract;
import ai.persona.infra.ManagementPortTestResource;
import ai.persona.infra.testing.TestKafka;
import ai.persona.model.PatchOperation;
import ai.persona.model.PersonaFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Sensitive data and pinned fields: what an optimizer's patch may not write, through the real topic and database. */
@QuarkusTest
class PersonaGuardTest {

    private static final TestKafka KAFKA = TestKafka.ofConfig();

    private static final String PATCHES = EventContract.PERSONA_PATCH_PROPOSED.topic();
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void patchCarryingACardNumberIsParkedWithTheCategoryAndNeverTheNumber() {
        String userId = PersonaApiTest.importedUser();
        String patchId = "p-" + UUID.randomUUID();
        KAFKA.send(PATCHES, userId, PatchConsumerTest.proposed(userId, 1, patchId,
                PatchOperation.add("/Pattern/Tea", PersonaFixtures.text("乌龙"), "每天喝乌龙"),
                PatchOperation.add("/Pattern/Payment", PersonaFixtures.text("4111 1111 1111 1111"), "用户报了卡号")));

        await().atMost(WAIT).untilAsserted(() -> given().get("/users/{u}/export", userId).then()
                .body("rejectedPatches[0].patchId", equalTo(patchId))
                .body("rejectedPatches[0].reasons.size()", equalTo(1))
                .body("rejectedPatches[0].reasons[0].reason", equalTo("SENSITIVE_DATA"))
                .body("rejectedPatches[0].reasons[0].path", equalTo("/Pattern/Payment"))
                .body("rejectedPatches[0].reasons[0].message", containsString("payment-card")));
        String export = given().get("/users/{u}/export", userId).then().extract().asString();
        assertThat(export).doesNotContain("4111").contains("每天喝乌龙");
        // never half-applied: the harmless operation went with the rest
        given().get("/users/{u}/persona", userId).then().body("version", equalTo(1))
                .body("persona.Pattern.Tea", equalTo(null));
        given().get(ManagementPortTestResource.url("/q/metrics")).then()
                .body(containsString("persona_sensitive_rejected_total{category=\"payment-card\"}"));
    }

    @Test
    void orderNumberFailingTheCardChecksumIsApplied() {
        String userId = PersonaApiTest.importedUser();
        KAFKA.send(PATCHES, userId, PatchConsumerTest.proposed(userId, 1, "p-" + UUID.randomUUID(),
                PatchOperation.add("/Pattern/Last_Order", PersonaFixtures.text("订单号 4111 1111 1111 1112"), "")));

        await().atMost(WAIT).until(() -> PatchConsumerTest.version(userId) == 2);
    }

    @Test
    void pinnedFieldIsNotChangedByTheOptimizerButIsByTheUser() {
        String userId = PersonaApiTest.importedUser();
        given().contentType(ContentType.JSON).body("{\"pins\": [\"/Preference\", \"/Demographics/Name\"]}")
                .put("/users/{u}/persona/pins", userId).then().statusCode(200)
                .body("pins", org.hamcrest.Matchers.contains("/Preference", "/Demographics/Name"));
        String patchId = "p-" + UUID.randomUUID();
        KAFKA.send(PATCHES, userId, PatchConsumerTest.proposed(userId, 1, patchId,
                PatchOperation.replace("/Preference/Preferred_Styles", PersonaFixtures.text("严肃"), "")));
        // a later patch on an unpinned field shows the pinned one was consumed before we look
        KAFKA.send(PATCHES, userId, PatchConsumerTest.proposed(userId, 1, "p-" + UUID.randomUUID(),
                PatchOperation.replace("/Pattern/Usage_Pattern", PersonaFixtures.text("周末使用"), "")));

        await().atMost(WAIT).until(() -> PatchConsumerTest.version(userId) == 2);
        given().get("/users/{u}/persona", userId).then().body("persona.Preference.Preferred_Styles", equalTo("简洁亲切"));
        given().get("/users/{u}/export", userId).then()
                .body("rejectedPatches[0].patchId", equalTo(patchId))
                .body("rejectedPatches[0].reasons[0].reason", equalTo("PINNED"))
                .body("rejectedPatches[0].reasons[0].message", containsString("/Preference"));

        assertThat(PersonaApiTest.edit(userId, "2",
                "[{\"op\":\"replace\",\"path\":\"/Preference/Preferred_Styles\",\"value\":\"幽默\"}]")).isEqualTo(200);
        given().get("/users/{u}/persona", userId).then().body("persona.Preference.Preferred_Styles", equalTo("幽默"));
    }

    @Test
    void pinsAreReadBackAndEmptyUntilSet() {
        String userId = PersonaApiTest.importedUser();
        given().get("/users/{u}/persona/pins", userId).then().statusCode(200).body("pins.size()", equalTo(0));
        given().contentType(ContentType.JSON).body("{\"pins\": [\"/Pattern/Usage_Pattern\"]}")
                .put("/users/{u}/persona/pins", userId).then().statusCode(200);

        given().get("/users/{u}/persona/pins", userId).then().statusCode(200)
                .body("pins", org.hamcrest.Matchers.contains("/Pattern/Usage_Pattern"));
    }

    @Test
    void pinOutsideTheSchemaIsABadRequest() {
        String userId = PersonaApiTest.importedUser();
        given().contentType(ContentType.JSON).body("{\"pins\": [\"/Nowhere\"]}")
                .put("/users/{u}/persona/pins", userId).then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("no section 'Nowhere'"));
        given().contentType(ContentType.JSON).body("{}")
                .put("/users/{u}/persona/pins", userId).then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void pinsOfAnUnknownUserAreNotFound() {
        given().get("/users/{u}/persona/pins", "user-" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"pins\": [\"/Preference\"]}")
                .put("/users/{u}/persona/pins", "user-" + UUID.randomUUID()).then().statusCode(404);
    }
}
