package ai.persona.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static ai.persona.session.rest.PersonaResource.JSON_PATCH;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import ai.persona.events.EventContract;
import ai.persona.infra.testing.TestKafka;
import ai.persona.model.PatchOperation;
import ai.persona.model.PersonaFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * A persona over time: temporary values that expire through a versioned change, and the provenance of every field
 * through optimizer changes, edits, rollbacks and expiry. The expiry job runs every second in tests.
 */
@QuarkusTest
class PersonaOverTimeTest {

    private static final TestKafka KAFKA = TestKafka.ofConfig();

    private static final String PATCHES = EventContract.PERSONA_PATCH_PROPOSED.topic();
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void temporaryValueIsRemovedAfterItsValidityByAnExpiryVersionAndLeavesTheProvenance() {
        String userId = PersonaApiTest.importedUser();
        Instant until = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.MICROS);
        String patchId = "p-" + UUID.randomUUID();
        KAFKA.send(PATCHES, userId, PatchConsumerTest.proposed(userId, 1, patchId,
                PatchOperation.add("/Pattern/Current_Location", PersonaFixtures.text("这个月在东京"), "用户说这个月在东京出差")
                        .until(until),
                PatchOperation.replace("/Pattern/Usage_Pattern", PersonaFixtures.text("出差时用手机提问"), "用户说在路上用手机")));

        await().atMost(WAIT).until(() -> PatchConsumerTest.version(userId) == 2);
        JsonPath applied = provenance(userId);
        Map<String, Object> temporary = field(applied, "/Pattern/Current_Location");
        assertThat(temporary).containsEntry("version", 2).containsEntry("source", "OPTIMIZER")
                .containsEntry("patchId", patchId).containsEntry("reason", "用户说这个月在东京出差")
                .containsEntry("expiresAt", until.toString());
        assertThat(temporary.get("sourceSessionIds")).isEqualTo(List.of("s1", "s2", "s3"));
        assertThat(field(applied, "/Pattern/Usage_Pattern")).doesNotContainKey("expiresAt");

        await().atMost(WAIT).until(() -> PatchConsumerTest.version(userId) == 3);
        given().get("/users/{u}/persona", userId).then()
                .body("persona.Pattern.Current_Location", nullValue())
                .body("persona.Pattern.Usage_Pattern", equalTo("出差时用手机提问"));
        given().get("/users/{u}/persona/versions/3", userId).then().statusCode(200)
                .body("source", equalTo("EXPIRY"))
                .body("sourceSessionIds.size()", equalTo(0))
                .body("operations.op", contains("remove"))
                .body("operations.path", contains("/Pattern/Current_Location"))
                .body("operations[0].reason", containsString(until.toString()));
        JsonPath expired = provenance(userId);
        assertThat(expired.getInt("version")).isEqualTo(3);
        assertThat(expired.getList("fields.path")).doesNotContain("/Pattern/Current_Location");
        assertThat(field(expired, "/Pattern/Usage_Pattern")).containsEntry("version", 2)
                .containsEntry("source", "OPTIMIZER");
        assertThat(field(expired, "/Demographics/Name")).containsEntry("version", 1).containsEntry("source", "IMPORT");
    }

    @Test
    void provenanceFollowsAnOptimizerChangeAUserEditAndARollback() {
        String userId = PersonaApiTest.importedUser();
        String patchId = "p-" + UUID.randomUUID();
        KAFKA.send(PATCHES, userId, PatchConsumerTest.proposed(userId, 1, patchId,
                PatchOperation.replace("/Preference/Preferred_Styles", PersonaFixtures.text("幽默"), "用户两次要求轻松的语气")));
        await().atMost(WAIT).until(() -> PatchConsumerTest.version(userId) == 2);
        assertThat(field(provenance(userId), "/Preference/Preferred_Styles")).containsEntry("version", 2)
                .containsEntry("source", "OPTIMIZER").containsEntry("patchId", patchId)
                .containsEntry("reason", "用户两次要求轻松的语气").containsEntry("model", "stub-model");

        assertThat(PersonaApiTest.edit(userId, "2", "[{\"op\":\"replace\",\"path\":\"/Preference/Preferred_Styles\","
                + "\"value\":\"幽默但简短\",\"reason\":\"我自己改的\"}]")).isEqualTo(200);
        JsonPath edited = provenance(userId);
        assertThat(field(edited, "/Preference/Preferred_Styles")).containsEntry("version", 3)
                .containsEntry("source", "USER_EDIT").containsEntry("reason", "我自己改的")
                .containsEntry("sourceSessionIds", List.of());
        assertThat(field(edited, "/Preference/Preferred_Formats")).containsEntry("version", 1)
                .containsEntry("source", "IMPORT");

        given().contentType(ContentType.JSON).body("{\"toVersion\":2}").post("/users/{u}/persona/rollback", userId)
                .then().statusCode(200).body("version", equalTo(4));
        Map<String, Object> rolledBack = field(provenance(userId), "/Preference/Preferred_Styles");
        assertThat(rolledBack).containsEntry("version", 4).containsEntry("source", "ROLLBACK");
        assertThat(rolledBack.get("restoredFrom")).asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("version", 2).containsEntry("source", "OPTIMIZER").containsEntry("patchId", patchId)
                .containsEntry("sourceSessionIds", List.of("s1", "s2", "s3"));
        given().get("/users/{u}/persona/provenance", "nobody-" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void editPinOrRollbackThatReplacesATemporaryValueClearsItsExpiry() {
        String userId = PersonaApiTest.importedUser();
        String later = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        assertThat(PersonaApiTest.edit(userId, "1", "[{\"op\":\"add\",\"path\":\"/Pattern/Current_Location\","
                + "\"value\":\"东京\",\"until\":\"" + later + "\"},{\"op\":\"replace\",\"path\":\"/Pattern/Usage_Pattern\","
                + "\"value\":\"考试前每天复习\",\"until\":\"" + later + "\"}]")).isEqualTo(200);
        JsonPath temporary = provenance(userId);
        assertThat(field(temporary, "/Pattern/Current_Location")).containsEntry("expiresAt", later);
        assertThat(field(temporary, "/Pattern/Usage_Pattern")).containsEntry("expiresAt", later);

        // an edit replacing the value, without a validity: the new value lasts
        assertThat(PersonaApiTest.edit(userId, "2",
                "[{\"op\":\"replace\",\"path\":\"/Pattern/Current_Location\",\"value\":\"搬到了东京\"}]")).isEqualTo(200);
        assertThat(field(provenance(userId), "/Pattern/Current_Location")).doesNotContainKey("expiresAt");
        // a pin keeps the value it pins
        given().contentType(ContentType.JSON).body("{\"pins\": [\"/Pattern/Usage_Pattern\"]}")
                .put("/users/{u}/persona/pins", userId).then().statusCode(200);
        assertThat(field(provenance(userId), "/Pattern/Usage_Pattern")).doesNotContainKey("expiresAt");
        // a rollback to before the temporary values: they are gone, with their expiries
        given().contentType(ContentType.JSON).body("{\"toVersion\":1}").post("/users/{u}/persona/rollback", userId)
                .then().statusCode(200).body("version", equalTo(4));
        assertThat(provenance(userId).getList("fields.expiresAt")).containsOnlyNulls();
    }

    @Test
    void validityOnALastingFieldOrInThePastIsRefusedNamingTheField() {
        String userId = PersonaApiTest.importedUser();
        String later = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        given().contentType(JSON_PATCH).header("If-Match", "1")
                .body("[{\"op\":\"replace\",\"path\":\"/Demographics/Name\",\"value\":\"小林\",\"until\":\"" + later + "\"}]")
                .patch("/users/{u}/persona", userId).then().statusCode(422)
                .body("violations[0].reason", equalTo("NOT_TEMPORARY"))
                .body("violations[0].path", equalTo("/Demographics/Name"));
        given().contentType(JSON_PATCH).header("If-Match", "1")
                .body("[{\"op\":\"add\",\"path\":\"/Pattern/Trip\",\"value\":\"东京\",\"until\":\"2020-01-01T00:00:00Z\"}]")
                .patch("/users/{u}/persona", userId).then().statusCode(422)
                .body("violations[0].reason", equalTo("NOT_TEMPORARY"))
                .body("violations[0].message", containsString("has passed"));
        given().contentType(JSON_PATCH).header("If-Match", "1")
                .body("[{\"op\":\"add\",\"path\":\"/Pattern/Trip\",\"value\":\"东京\",\"until\":\"next week\"}]")
                .patch("/users/{u}/persona", userId).then().statusCode(400)
                .body("field", equalTo("until"));

        String patchId = "p-" + UUID.randomUUID();
        KAFKA.send(PATCHES, userId, PatchConsumerTest.proposed(userId, 1, patchId,
                PatchOperation.add("/Pattern/Trip", PersonaFixtures.text("东京"), "").until(Instant.now().minusSeconds(60))));
        await().atMost(WAIT).untilAsserted(() -> given().get("/users/{u}/export", userId).then()
                .body("rejectedPatches[0].patchId", equalTo(patchId))
                .body("rejectedPatches[0].reasons[0].reason", equalTo("NOT_TEMPORARY")));
        assertThat(PatchConsumerTest.version(userId)).isEqualTo(1);
    }

    private static JsonPath provenance(String userId) {
        return given().get("/users/{u}/persona/provenance", userId).then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> field(JsonPath provenance, String path) {
        List<Map<String, Object>> fields = provenance.getList("fields");
        return fields.stream().filter(f -> path.equals(f.get("path"))).findFirst()
                .orElseThrow(() -> new AssertionError(path + " not in " + fields));
    }
}
