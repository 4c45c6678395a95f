package ai.persona.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import ai.persona.model.PersonaFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class PersonaApiTest {

    static final String JSON_PATCH = "application/json-patch+json; charset=UTF-8";

    static String importedUser() {
        String userId = "user-" + UUID.randomUUID();
        given().contentType(ContentType.JSON).body(PersonaFixtures.teaShopOwner().toString())
                .put("/users/{u}/persona", userId)
                .then().statusCode(200).header("ETag", "\"1\"").body("version", equalTo(1));
        return userId;
    }

    static int edit(String userId, String ifMatch, String patch) {
        return given().contentType(JSON_PATCH).header("If-Match", ifMatch).body(patch)
                .patch("/users/{u}/persona", userId).statusCode();
    }

    @Test
    void newUserHasAnEmptyPersonaAtVersionZero() {
        String userId = "user-" + UUID.randomUUID();
        SessionApiTest.createSession(userId);
        given().get("/users/{u}/persona", userId).then().statusCode(200)
                .header("ETag", "\"0\"").body("version", equalTo(0)).body("persona.size()", equalTo(0));
    }

    @Test
    void userEditWithTheCurrentVersionMakesANewVersion() {
        String userId = importedUser();
        given().contentType(JSON_PATCH).header("If-Match", "\"1\"")
                .body("[{\"op\":\"replace\",\"path\":\"/Preference/Preferred_Styles\",\"value\":\"幽默\"}]")
                .patch("/users/{u}/persona", userId)
                .then().statusCode(200).header("ETag", "\"2\"")
                .body("persona.Preference.Preferred_Styles", equalTo("幽默"));
        given().get("/users/{u}/persona/history", userId).then().statusCode(200)
                .body("items.version", contains(2, 1)).body("items.source", contains("USER_EDIT", "IMPORT"))
                .body("items[0].patch[0].path", equalTo("/Preference/Preferred_Styles"));
    }

    @Test
    void patchAgainstStaleVersionIsRejected() {
        String userId = importedUser();
        assertThat(edit(userId, "\"1\"", "[{\"op\":\"add\",\"path\":\"/Pattern/Tea\",\"value\":\"乌龙\"}]")).isEqualTo(200);
        given().contentType(JSON_PATCH).header("If-Match", "\"1\"")
                .body("[{\"op\":\"add\",\"path\":\"/Pattern/Tea\",\"value\":\"绿茶\"}]")
                .patch("/users/{u}/persona", userId)
                .then().statusCode(412).contentType("application/problem+json").body("currentVersion", equalTo(2));
        given().get("/users/{u}/persona", userId).then().body("persona.Pattern.Tea", equalTo("乌龙"));
    }

    @Test
    void editWithoutIfMatchIsRefused() {
        String userId = importedUser();
        given().contentType(JSON_PATCH).body("[{\"op\":\"remove\",\"path\":\"/Pattern/Usage_Pattern\"}]")
                .patch("/users/{u}/persona", userId).then().statusCode(428).contentType("application/problem+json");
    }

    @Test
    void twoConcurrentEditsWithTheSameVersionHaveExactlyOneWinner() throws Exception {
        String userId = importedUser();
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> edits = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String value = "风格" + i;
            edits.add(CompletableFuture.supplyAsync(() -> {
                await(start);
                return edit(userId, "\"1\"", "[{\"op\":\"replace\",\"path\":\"/Preference/Preferred_Styles\",\"value\":\""
                        + value + "\"}]");
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<Integer> edit : edits) {
            statuses.add(edit.get());
        }
        assertThat(statuses).containsExactlyInAnyOrder(200, 412);
        given().get("/users/{u}/persona", userId).then().body("version", equalTo(2));
    }

    @Test
    void invalidEditsGetTheirViolations() {
        String userId = importedUser();
        given().contentType(JSON_PATCH).header("If-Match", "1")
                .body("[{\"op\":\"add\",\"path\":\"/Secrets/Password\",\"value\":\"x\"},"
                        + "{\"op\":\"replace\",\"path\":\"/Demographics/Age\",\"value\":\"old\"}]")
                .patch("/users/{u}/persona", userId)
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations.reason", hasItem("UNKNOWN_SECTION"))
                .body("violations.path", hasItem("/Secrets/Password"));
        given().contentType(JSON_PATCH).header("If-Match", "1").body("{\"op\":\"add\"}")
                .patch("/users/{u}/persona", userId).then().statusCode(400).contentType("application/problem+json");
        given().contentType(JSON_PATCH).header("If-Match", "\"v1\"").body("[]")
                .patch("/users/{u}/persona", userId).then().statusCode(400);
        given().contentType(JSON_PATCH).header("If-Match", "1")
                .body("[{\"op\":\"remove\",\"path\":\"/Pattern/Not_There\"}]")
                .patch("/users/{u}/persona", userId).then().statusCode(422).body("violations[0].reason",
                        equalTo("NOT_APPLICABLE"));
        given().contentType(ContentType.JSON).body("[1,2]").put("/users/{u}/persona", userId).then().statusCode(422);
        given().get("/users/{u}/persona", userId).then().body("version", equalTo(1));
    }

    @Test
    void rollbackRestoresAnEarlierVersionAsANewOne() {
        String userId = importedUser();
        edit(userId, "1", "[{\"op\":\"replace\",\"path\":\"/Preference/Preferred_Styles\",\"value\":\"幽默\"}]");
        given().contentType(ContentType.JSON).body("{\"toVersion\":1}").post("/users/{u}/persona/rollback", userId)
                .then().statusCode(200).header("ETag", "\"3\"")
                .body("persona.Preference.Preferred_Styles", equalTo("简洁亲切"));
        given().get("/users/{u}/persona/versions/3", userId).then().statusCode(200).body("source", equalTo("ROLLBACK"));
        given().get("/users/{u}/persona/diff?from=2&to=3", userId).then().statusCode(200)
                .body("op", contains("replace")).body("value", contains("简洁亲切"));
        given().contentType(ContentType.JSON).body("{\"toVersion\":9}").post("/users/{u}/persona/rollback", userId)
                .then().statusCode(404);
    }

    @Test
    void diffFromTheEmptyPersonaAddsEverything() {
        String userId = importedUser();
        given().get("/users/{u}/persona/diff?from=0&to=1", userId).then().statusCode(200)
                .body("op", hasItem("add"));
        given().get("/users/{u}/persona/diff?from=0", userId).then().statusCode(400);
    }

    @Test
    void unknownUserHasNoPersona() {
        given().get("/users/{u}/persona", "nobody-" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
