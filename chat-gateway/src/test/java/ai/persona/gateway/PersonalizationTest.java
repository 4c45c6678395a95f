package ai.persona.gateway;

import static ai.persona.gateway.support.Users.as;
import static ai.persona.gateway.support.Users.newSession;
import static ai.persona.gateway.support.Users.newUser;
import static ai.persona.gateway.support.Users.say;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import ai.persona.gateway.service.PersonaCache;
import ai.persona.gateway.support.SessionStore;
import ai.persona.infra.testing.InjectOpenAiStub;
import ai.persona.infra.testing.OpenAiStub;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
class PersonalizationTest {

    private static final String PERSONA = """
            {"Demographics":{"Name":"Mei","Career_Information":"marine biologist"},
             "Preference":{"Preferred_Formats":"short bullet lists"}}""";

    @InjectOpenAiStub
    OpenAiStub llm;

    @Inject
    PersonaCache cache;

    @Inject
    Pool db;

    private JsonNode lastModelRequest(String marker) {
        var requests = llm.requests(marker);
        assertThat(requests).isNotEmpty();
        return requests.get(requests.size() - 1);
    }

    @Test
    void aUserWithAPersonaHasItInTheSystemMessageAheadOfTheClientsOwn() {
        String user = newUser("persona");
        SessionStore.importPersona(user, PERSONA);

        as(user).contentType(ContentType.JSON).body("""
                {"model":"%s","messages":[{"role":"system","content":"Client rules."},
                 {"role":"user","content":"carries-%s"}]}""".formatted(OpenAiStub.MODEL, user))
                .post("/v1/chat/completions").then().statusCode(200);

        JsonNode messages = lastModelRequest("carries-" + user).path("messages");
        assertThat(messages.path(0).path("role").asText()).isEqualTo("system");
        assertThat(messages.path(0).path("content").asText()).contains("Mei").contains("marine biologist")
                .contains("short bullet lists");
        assertThat(messages.path(1).path("content").asText()).isEqualTo("Client rules.");
        assertThat(messages.path(2).path("content").asText()).isEqualTo("carries-" + user);
    }

    @Test
    void aUserWithoutAPersonaGetsNoSystemMessage() {
        String user = newUser("persona");
        say(user, newSession(user), "nopersona-" + user);

        JsonNode messages = lastModelRequest("nopersona-" + user).path("messages");
        assertThat(messages).hasSize(1);
        assertThat(messages.path(0).path("role").asText()).isEqualTo("user");
    }

    @Test
    void withPersonalizationOffThePersonaStaysOutAndTheSettingIsKeptInTheDatabase() {
        String user = newUser("persona");
        SessionStore.importPersona(user, PERSONA);
        as(user).contentType(ContentType.JSON).body(Map.of("personalization", false)).put("/api/settings")
                .then().statusCode(200).body("personalization", equalTo(false));

        say(user, newSession(user), "off-" + user);

        JsonNode messages = lastModelRequest("off-" + user).path("messages");
        assertThat(messages.toString()).doesNotContain("Mei");
        assertThat(messages.path(0).path("role").asText()).isEqualTo("user");
        as(user).get("/api/settings").then().statusCode(200).body("personalization", equalTo(false));
        boolean stored = db.preparedQuery("select personalization from user_settings where user_id = $1")
                .execute(Tuple.of(user)).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getBoolean("personalization");
        assertThat(stored).isFalse();
    }

    @Test
    void aPersonaChangedElsewhereReachesTheNextTurnThroughItsEvent() {
        String user = newUser("persona");
        long first = SessionStore.importPersona(user, PERSONA);
        String session = newSession(user);
        say(user, session, "before-" + user);
        assertThat(lastModelRequest("before-" + user).toString()).contains("marine biologist");

        long second = SessionStore.editPersona(user, first, """
                [{"op":"replace","path":"/Demographics/Career_Information","value":"ship captain"}]""");
        await().atMost(Duration.ofSeconds(30)).until(() -> cache.holds(user, second));
        say(user, session, "after-" + user);

        String prompt = lastModelRequest("after-" + user).path("messages").path(0).path("content").asText();
        assertThat(prompt).contains("ship captain").doesNotContain("marine biologist");
    }

    @Test
    void aDeletedUsersPersonaIsForgottenOnItsTombstone() {
        String user = newUser("persona");
        long version = SessionStore.importPersona(user, PERSONA);
        say(user, newSession(user), "tomb-" + user);
        assertThat(cache.holds(user, version)).isTrue();

        SessionStore.deleteUser(user);

        await().atMost(Duration.ofSeconds(30)).until(() -> !cache.holds(user, version));
        say(user, newSession(user), "reborn-" + user);
        assertThat(lastModelRequest("reborn-" + user).toString()).doesNotContain("Mei");
    }

    @Test
    void myPersonaCanBeReadEditedAndRolledBackThroughTheGateway() {
        String user = newUser("persona");
        as(user).get("/api/persona").then().statusCode(200).header("ETag", "\"0\"").body("version", equalTo(0));

        as(user).contentType("application/json-patch+json").header("If-Match", "\"0\"")
                .body("[{\"op\":\"add\",\"path\":\"/Demographics/Name\",\"value\":\"Ana\"}]")
                .patch("/api/persona").then().statusCode(200).header("ETag", "\"1\"")
                .body("persona.Demographics.Name", equalTo("Ana"));
        as(user).contentType("application/json-patch+json").header("If-Match", "\"0\"")
                .body("[{\"op\":\"add\",\"path\":\"/Demographics/Name\",\"value\":\"Bo\"}]")
                .patch("/api/persona").then().statusCode(412).contentType("application/problem+json");
        as(user).contentType(ContentType.JSON).body("{\"toVersion\":0}").post("/api/persona/rollback")
                .then().statusCode(200).body("version", equalTo(2));

        as(user).get("/api/persona/history").then().statusCode(200).body("items.size()", equalTo(2));
        as(user).get("/api/persona/diff?from=0&to=1").then().statusCode(200).body("[0].op", equalTo("add"));
        say(user, newSession(user), "rolled-" + user);
        assertThat(lastModelRequest("rolled-" + user).toString()).doesNotContain("Ana");
    }
}
