package ai.persona.updater.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import ai.persona.events.EventContract;
import ai.persona.events.PersonaPatchProposed;
import ai.persona.model.PersonaJson;
import ai.persona.infra.testing.TestKafka;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** The service's internal REST API and bounded waits on what it does, as tests use them. */
public final class Api {

    public static final Duration WAIT = Duration.ofSeconds(60);

    private static final TestKafka KAFKA = TestKafka.ofConfig();

    private Api() {
    }

    public static JsonPath state(String userId) {
        return given().get("/users/{id}", userId).then().statusCode(200).extract().jsonPath();
    }

    public static List<String> buffered(String userId) {
        return state(userId).getList("bufferedSessionIds", String.class);
    }

    public static List<Map<String, Object>> batches(String userId) {
        return given().queryParam("userId", userId).get("/batches").then().statusCode(200).extract().jsonPath()
                .getList("$");
    }

    public static JsonPath batch(String id) {
        return given().get("/batches/{id}", id).then().statusCode(200).extract().jsonPath();
    }

    public static void settings(String userId, boolean learning, Integer k) {
        settings(userId, learning, k, null);
    }

    /** @param optimizerMode conservative, paper, or null for the deployment's default */
    public static void settings(String userId, boolean learning, Integer k, String optimizerMode) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("learningEnabled", learning);
        body.put("batchSize", k);
        body.put("optimizerMode", optimizerMode);
        given().contentType(ContentType.JSON)
                .body(body)
                .put("/users/{id}/settings", userId)
                .then().statusCode(200);
    }

    public static void awaitSnapshot(String userId, long version) {
        await().atMost(WAIT).until(() -> state(userId).getLong("snapshotVersion") == version);
    }

    public static void awaitBuffered(String userId, int count) {
        await().atMost(WAIT).until(() -> buffered(userId).size() == count);
    }

    /** Waits until one of the user's batches is in {@code status}; returns that batch. */
    public static Map<String, Object> awaitBatch(String userId, String status) {
        return await().atMost(WAIT)
                .until(() -> batches(userId).stream().filter(b -> status.equals(b.get("status"))).findFirst(),
                        java.util.Optional::isPresent)
                .get();
    }

    /** The patches proposed for the user on the topic so far (read to its end offsets). */
    public static List<ConsumerRecord<String, String>> patches(String userId) {
        return KAFKA.records(EventContract.PERSONA_PATCH_PROPOSED.topic(), userId);
    }

    /** A proposed patch as published, opened with its user's key ({@link TestContentKeys}); fails unless sealed. */
    public static PersonaPatchProposed opened(ConsumerRecord<String, String> record) throws Exception {
        return TestContentKeys.opened(record.value());
    }

    /** The opened proposal's JSON, to look for what the sealed record hides. */
    public static String openedJson(ConsumerRecord<String, String> record) throws Exception {
        return PersonaJson.mapper().writeValueAsString(opened(record));
    }

    public static List<ConsumerRecord<String, String>> awaitPatches(String userId, int count) {
        return await().atMost(WAIT).until(() -> patches(userId), records -> records.size() >= count);
    }
}
