package ai.persona.gateway.auth;

import static ai.persona.gateway.support.Users.as;
import static ai.persona.gateway.support.Users.asApp;
import static ai.persona.gateway.support.Users.newUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import ai.persona.infra.testing.InjectOpenAiStub;
import ai.persona.infra.testing.OpenAiStub;
import ai.persona.input.AppUsers;
import ai.persona.gateway.support.SessionStore;
import io.quarkus.test.junit.DisabledOnIntegrationTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * App keys (a chat front-end's one key for all its users): each request names its end user, by the OpenAI "user"
 * field or the user header, and each app's users are persona users of their own; a user's token never acts for
 * another user.
 */
@QuarkusTest
class AppKeysTest {

    private static final String ALICE_PERSONA = "{\"Demographics\":{\"Name\":\"Alice\",\"Career_Information\":\"baker\"}}";
    private static final String BOB_PERSONA = "{\"Demographics\":{\"Name\":\"Bob\",\"Career_Information\":\"pilot\"}}";

    @InjectOpenAiStub
    OpenAiStub llm;

    private final List<String> auditLines = new CopyOnWriteArrayList<>();
    private final Handler audit = new Handler() {
        @Override
        public void publish(LogRecord record) {
            auditLines.add(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listenToTheAuditLog() {
        Logger.getLogger(OnBehalfAudit.CATEGORY).addHandler(audit);
    }

    @AfterEach
    void stopListening() {
        Logger.getLogger(OnBehalfAudit.CATEGORY).removeHandler(audit);
    }

    private static String newApp() {
        return "app-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String chat(String message, String userField) {
        return """
                {"model":"%s",%s"messages":[{"role":"user","content":"%s"}]}""".formatted(OpenAiStub.MODEL,
                userField == null ? "" : "\"user\":\"" + userField + "\",", message);
    }

    private String systemMessageTheModelGot(String marker) {
        List<JsonNode> requests = llm.requests(marker);
        assertThat(requests).hasSize(1);
        JsonNode first = requests.get(0).path("messages").path(0);
        return first.path("role").asText().equals("system") ? first.path("content").asText() : "";
    }

    @Test
    void anAppKeyNamingUsersByFieldAndByHeaderKeepsASeparatePersonaForEach() {
        String app = newApp();
        String alice = AppUsers.personaUserId(app, "alice");
        String bob = AppUsers.personaUserId(app, "bob");
        SessionStore.importPersona(alice, ALICE_PERSONA);
        SessionStore.importPersona(bob, BOB_PERSONA);

        Response byField = asApp(app).contentType(ContentType.JSON).body(chat("field-" + app, "alice"))
                .post("/v1/chat/completions");
        Response byHeader = asApp(app).header("X-User-Id", "bob").contentType(ContentType.JSON)
                .body(chat("header-" + app, null)).post("/v1/chat/completions");

        byField.then().statusCode(200);
        byHeader.then().statusCode(200);
        assertThat(systemMessageTheModelGot("field-" + app)).contains("baker").doesNotContain("pilot");
        assertThat(systemMessageTheModelGot("header-" + app)).contains("pilot").doesNotContain("baker");
        assertThat(SessionStore.recorded(alice, byField.header("X-Session-Id"), 2)
                .getList("messages.content", String.class)).containsExactly("field-" + app, "ok");
        assertThat(SessionStore.recorded(bob, byHeader.header("X-Session-Id"), 2)
                .getList("messages.content", String.class)).containsExactly("header-" + app, "ok");
        // the memory API, for the same users by the header
        asApp(app).header("X-User-Id", "alice").get("/api/persona/prompt").then().statusCode(200)
                .body("text", org.hamcrest.Matchers.containsString("baker"));
    }

    @Test
    void anotherAppsUserOfTheSameNameIsAnotherPersona() {
        String app = newApp();
        String other = newApp();
        SessionStore.importPersona(AppUsers.personaUserId(app, "alice"), ALICE_PERSONA);

        asApp(other).contentType(ContentType.JSON).body(chat("other-app-" + other, "alice"))
                .post("/v1/chat/completions").then().statusCode(200);

        assertThat(systemMessageTheModelGot("other-app-" + other)).doesNotContain("baker");
        asApp(other).header("X-User-Id", "alice").get("/api/persona/prompt").then().statusCode(200)
                .body("version", equalTo(0)).body("text", equalTo(""));
    }

    @Test
    void theResponsesApiActsForTheUserAnAppKeyNames() {
        String app = newApp();
        String alice = AppUsers.personaUserId(app, "alice");
        SessionStore.importPersona(alice, ALICE_PERSONA);

        Response response = asApp(app).contentType(ContentType.JSON).body("""
                {"model":"%s","user":"alice","input":"responses-%s"}""".formatted(OpenAiStub.MODEL, app))
                .post("/v1/responses");

        response.then().statusCode(200).body("output[0].content[0].text", equalTo("ok"));
        assertThat(systemMessageTheModelGot("responses-" + app)).contains("baker");
        SessionStore.recorded(alice, response.header("X-Session-Id"), 2);
    }

    @Test
    void aUsersOwnTokenNamingAnotherUserIsForbidden() {
        String user = newUser("own");

        as(user).contentType(ContentType.JSON).body(chat("hi", "someone-else")).post("/v1/chat/completions")
                .then().statusCode(403).body("error.type", equalTo("permission_error"))
                .body("error.param", equalTo("user"));
        as(user).header("X-User-Id", "someone-else").contentType(ContentType.JSON).body(chat("hi", null))
                .post("/v1/chat/completions").then().statusCode(403).body("error.param", equalTo("X-User-Id"));
        as(user).header("X-User-Id", "someone-else").get("/api/persona").then().statusCode(403)
                .contentType(startsWith("application/problem+json")).body("field", equalTo("X-User-Id"));
        as(user).header("X-User-Id", "someone-else").get("/api/persona/prompt").then().statusCode(403)
                .contentType(startsWith("application/problem+json"));
        // naming itself is no other user
        as(user).header("X-User-Id", user).contentType(ContentType.JSON).body(chat("self-" + user, user))
                .post("/v1/chat/completions").then().statusCode(200);
    }

    @Test
    void aUsersTokenInTheAppsNamespaceIsRefused() {
        as(AppUsers.personaUserId("some-app", "alice")).get("/api/persona").then().statusCode(403)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void anAppKeyWithoutAUserIsABadRequestNamingWhatIsMissing() {
        String app = newApp();

        asApp(app).contentType(ContentType.JSON).body(chat("nobody", null)).post("/v1/chat/completions")
                .then().statusCode(400).body("error.type", equalTo("invalid_request_error"))
                .body("error.param", equalTo("user"))
                .body("error.message", org.hamcrest.Matchers.containsString("X-User-Id"));
        asApp(app).get("/api/persona/prompt").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("status", equalTo(400))
                .body("field", equalTo("X-User-Id"));
        asApp(app).header("X-User-Id", "alice").contentType(ContentType.JSON).body(chat("two", "bob"))
                .post("/v1/chat/completions").then().statusCode(400).body("error.param", equalTo("user"));
        asApp(app).header("X-User-Id", "a/b").get("/api/persona/prompt").then().statusCode(400)
                .body("field", equalTo("X-User-Id"));
    }

    @Test
    void anAppExportsAndDeletesOneOfItsUsersAndNoOther() {
        String app = newApp();
        String alice = AppUsers.personaUserId(app, "alice");
        SessionStore.importPersona(alice, ALICE_PERSONA);
        SessionStore.importPersona(AppUsers.personaUserId(app, "bob"), BOB_PERSONA);

        asApp(app).header("X-User-Id", "alice").get("/api/me/export").then().statusCode(200)
                .body("userId", equalTo(alice)).body("history.persona.Demographics.Name", hasItem("Alice"));
        asApp(app).delete("/api/me").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("field", equalTo("X-User-Id"));
        asApp(app).header("X-User-Id", "alice").delete("/api/me").then().statusCode(204);

        // session-service no longer knows alice
        asApp(app).header("X-User-Id", "alice").get("/api/me/export").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> asApp(app).header("X-User-Id", "alice")
                .get("/api/persona/prompt").then().statusCode(200).body("version", equalTo(0)));
        asApp(app).header("X-User-Id", "bob").get("/api/persona/prompt").then().statusCode(200)
                .body("text", containsString("pilot"));
    }

    @Test
    void anAppKeyHasNoUserOfItsOwnOnTheOtherEndpoints() {
        String app = newApp();

        asApp(app).header("X-User-Id", "alice").get("/api/persona").then().statusCode(403)
                .contentType(startsWith("application/problem+json"));
        asApp(app).header("X-User-Id", "alice").post("/api/sessions").then().statusCode(403);
        asApp(app).get("/v1/models").then().statusCode(200).body("data[0].id", equalTo(OpenAiStub.MODEL));
    }

    @Test
    @DisabledOnIntegrationTest("listens to the audit log inside the application's JVM")
    void eachRequestForAnAppsUserWritesOneAuditLine() {
        String app = newApp();

        asApp(app).contentType(ContentType.JSON).body(chat("audited-" + app, "carol\u00e9"))
                .post("/v1/chat/completions").then().statusCode(200);
        asApp(app).header("X-User-Id", "dave").get("/api/persona/prompt").then().statusCode(200);

        assertThat(auditLines.stream().filter(line -> line.contains("app=" + app + " ")).toList()).containsExactly(
                "on-behalf-of app=" + app + " user=carol\u00e9 persona-user=app:" + app
                        + ":carol\u00e9 endpoint=POST /v1/chat/completions",
                "on-behalf-of app=" + app + " user=dave persona-user=app:" + app
                        + ":dave endpoint=GET /api/persona/prompt");
    }

    @Test
    @DisabledOnIntegrationTest("the chat header is set in the test profile only")
    void theConfiguredChatHeaderNamesTheSessionOfAnAppsUser() {
        String app = newApp();
        String alice = AppUsers.personaUserId(app, "alice");

        String first = asApp(app).header("X-User-Id", "alice")
                .header("X-OpenWebUI-Chat-Id", "chat-1").contentType(ContentType.JSON).body(chat("webui-" + app, null))
                .post("/v1/chat/completions").then().statusCode(200).extract().header("X-Session-Id");
        String second = asApp(app).header("X-User-Id", "alice").header("X-OpenWebUI-Chat-Id", "chat-1")
                .contentType(ContentType.JSON).body("""
                        {"model":"%s","messages":[{"role":"user","content":"webui-%s"},{"role":"assistant","content":
                        "ok"},{"role":"user","content":"and more"}]}""".formatted(OpenAiStub.MODEL, app))
                .post("/v1/chat/completions").then().statusCode(200).extract().header("X-Session-Id");

        assertThat(second).isEqualTo(first).startsWith("xs-");
        assertThat(SessionStore.recorded(alice, first, 4).getList("messages.content", String.class))
                .containsExactly("webui-" + app, "ok", "and more", "ok");
    }
}
