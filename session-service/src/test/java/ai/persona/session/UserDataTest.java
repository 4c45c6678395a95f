package ai.persona.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import ai.persona.events.EventContract;
import ai.persona.infra.testing.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class UserDataTest {

    private static final TestKafka KAFKA = TestKafka.ofConfig();

    private static final List<String> TABLES_WITH_USER_ID = List.of("sessions", "personas", "persona_history",
            "rejected_patches", "persona_outbox");

    @Test
    void exportHoldsSessionsMessagesPersonaAndHistory() {
        String userId = PersonaApiTest.importedUser();
        String sessionId = SessionApiTest.createSession(userId);
        SessionApiTest.say(userId, sessionId, "USER", "我最近在学书法");

        given().get("/users/{u}/export", userId).then().statusCode(200)
                .body("userId", equalTo(userId))
                .body("persona.version", equalTo(1))
                .body("history", hasSize(1))
                .body("sessions[0].messages[0].content", equalTo("我最近在学书法"));
    }

    @Test
    void deletingAUserLeavesNoRowAndATombstone() throws Exception {
        String userId = PersonaApiTest.importedUser();
        String sessionId = SessionApiTest.createSession(userId);
        SessionApiTest.say(userId, sessionId, "USER", "删除我吧");
        PersonaApiTest.edit(userId, "1", "[{\"op\":\"add\",\"path\":\"/Pattern/Tea\",\"value\":\"乌龙\"}]");
        // a parked patch too, so every table holds something of this user
        KAFKA.send(EventContract.PERSONA_PATCH_PROPOSED.topic(), userId,
                PatchConsumerTest.proposed(userId, 1, "p-" + userId, ai.persona.model.PatchOperation.add("/Pattern/Tea",
                        ai.persona.model.PersonaFixtures.text("绿茶"), "")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(rowsOf(userId, "rejected_patches"))
                .isEqualTo(1));

        given().delete("/users/{u}", userId).then().statusCode(204);

        assertThat(rowsOf(userId, "users")).isZero();
        for (String table : TABLES_WITH_USER_ID) {
            if (!table.equals("persona_outbox")) {
                assertThat(rowsOf(userId, table)).as(table).isZero();
            }
        }
        assertThat(messagesOf(sessionId)).isZero();
        // what stays: the deletion, under a hash of the id, and the patch's id, which names no user
        assertThat(count("select count(*) from forgotten_users where user_hash = ?",
                ai.persona.session.persistence.ForgottenUserEntity.hash(userId))).isEqualTo(1);
        assertThat(count("select count(*) from forgotten_users where user_hash = ?", userId)).isZero();
        assertThat(count("select count(*) from processed_patches where patch_id = ?", "p-" + userId)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> events = KAFKA.records(
                    EventContract.PERSONA_CHANGED.topic(), userId);
            assertThat(events).isNotEmpty();
            assertThat(events.get(events.size() - 1).value()).isNull();
            assertThat(rowsOf(userId, "persona_outbox")).isZero();
        });

        given().get("/users/{u}/persona", userId).then().statusCode(404);
        given().get("/users/{u}/persona/history", userId).then().statusCode(404);
        given().get("/users/{u}/sessions", userId).then().statusCode(404);
        given().get("/users/{u}/sessions/{s}", userId, sessionId).then().statusCode(404);
        given().get("/users/{u}/export", userId).then().statusCode(404);
        given().delete("/users/{u}", userId).then().statusCode(404);
        given().contentType(ContentType.JSON).body("{}").post("/users/{u}/sessions/{s}/end", userId, sessionId)
                .then().statusCode(404);
    }

    private static long rowsOf(String userId, String table) throws Exception {
        String column = table.equals("users") ? "id" : "user_id";
        return count("select count(*) from " + table + " where " + column + " = ?", userId);
    }

    private static long messagesOf(String sessionId) throws Exception {
        return count("select count(*) from messages where session_id = ?", sessionId);
    }

    private static long count(String sql, String parameter) throws Exception {
        Config config = ConfigProvider.getConfig();
        try (Connection connection = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
