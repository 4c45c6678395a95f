package ai.persona.gateway.memory;

import static ai.persona.gateway.support.Users.as;
import static ai.persona.gateway.support.Users.newSession;
import static ai.persona.gateway.support.Users.newUser;
import static ai.persona.gateway.support.Users.say;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.persona.events.ChangeSource;
import ai.persona.events.EventContract;
import ai.persona.events.PersonaChanged;
import ai.persona.events.RecordOrigin;
import ai.persona.infra.testing.InjectOpenAiStub;
import ai.persona.infra.testing.OpenAiStub;
import ai.persona.infra.testing.TestKafka;
import ai.persona.model.PersonaJson;

import ai.persona.gateway.service.PersonaCache;
import ai.persona.gateway.support.SessionStore;
import ai.persona.model.TokenCounter;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** GET /api/persona/prompt: the persona as the chat turn gets it, from the cache PersonaChanged keeps current. */
@QuarkusTest
class PersonaPromptTest {

    private static final TestKafka KAFKA = TestKafka.ofConfig();

    private static final String PERSONA = """
            {"Demographics":{"Name":"Mei","Career_Information":"marine biologist"},
             "Personality":{"Thinking_or_Feeling":"thinking, weighs the evidence before deciding anything"},
             "Pattern":{"Usage_Pattern":"asks long questions in the evening after field work on the coast"},
             "Preference":{"Preferred_Formats":"short bullet lists"}}""";

    @InjectOpenAiStub
    OpenAiStub llm;

    @Inject
    PersonaCache cache;

    /** Imports the persona in session-service and waits for its PersonaChanged to reach the gateway's cache. */
    private long personaArrives(String user, String persona) {
        long version = SessionStore.importPersona(user, persona);
        await().atMost(Duration.ofSeconds(30)).until(() -> cache.holds(user, version));
        return version;
    }

    private static Response prompt(String user) {
        return as(user).get("/api/persona/prompt");
    }

    /** Writes a record on persona.changed.v1 as {@code source} claims to, with the contract's CloudEvents type. */
    private static void forge(String source, String user, String value) throws Exception {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(EventContract.PERSONA_CHANGED.topic(), user, value);
            record.headers().add(RecordOrigin.SOURCE_HEADER, source.getBytes(StandardCharsets.UTF_8))
                    .add(RecordOrigin.TYPE_HEADER, EventContract.PERSONA_CHANGED.cloudEventType().getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }
    }

    @Test
    void aPersonaChangeSessionServiceDidNotWriteIsDeadLetteredAndNeverServed() throws Exception {
        String user = newUser("prompt");
        long version = personaArrives(user, PERSONA);
        ObjectNode mallory = PersonaJson.mapper().createObjectNode();
        mallory.putObject("Demographics").put("Name", "Mallory");
        String forged = PersonaJson.mapper().writeValueAsString(new PersonaChanged(PersonaChanged.VERSION, user,
                version + 5, PersonaJson.mapper().createArrayNode(), mallory, ChangeSource.OPTIMIZER, null, List.of(),
                Instant.now()));
        forge("persona-updater", user, forged);
        // a forged tombstone would wipe the user's cached persona and embeddings
        forge("chat-gateway", user, null);
        // had the forged version (6) been taken, the cache would hold it already, and serve it from now on
        long next = personaArrives(user, """
                {"Demographics":{"Name":"Mei again"}}""");

        prompt(user).then().statusCode(200).body("version", equalTo((int) next))
                .body("text", allOf(containsString("Mei again"), org.hamcrest.Matchers.not(containsString("Mallory"))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                KAFKA.records(EventContract.DEAD_LETTER_TOPIC, user))
                .extracting(r -> TestKafka.header(r, "dead-letter-reason")).containsExactlyInAnyOrder(
                        "ce_source 'persona-updater' is not session-service, the only producer of persona.changed.v1",
                        "ce_source 'chat-gateway' is not session-service, the only producer of persona.changed.v1"));
    }

    @Test
    void aUserWithoutAPersonaGetsVersionZeroAndAnEmptyText() {
        prompt(newUser("prompt")).then().statusCode(200).contentType("application/json")
                .header("ETag", "\"0\"")
                .body("version", equalTo(0)).body("text", equalTo("")).body("tokens", equalTo(0));
    }

    @Test
    void aChangedPersonaIsServedWithItsVersionAsTheSystemMessageAChatTurnGets() {
        String user = newUser("prompt");
        long version = personaArrives(user, PERSONA);

        Response served = prompt(user);
        served.then().statusCode(200).contentType("application/json")
                .header("ETag", "\"" + version + "\"")
                .header("Cache-Control", allOf(containsString("private"), containsString("no-cache")))
                .body("version", equalTo((int) version));
        String text = served.path("text");
        assertThat(text).contains("- Name: Mei").contains("- Preferred_Formats: short bullet lists");
        assertThat(served.<Integer>path("tokens")).isEqualTo(TokenCounter.count(text));

        say(user, newSession(user), "prompt-" + user);
        var requests = llm.requests("prompt-" + user);
        JsonNode system = requests.get(requests.size() - 1).path("messages").path(0);
        assertThat(system.path("role").asText()).isEqualTo("system");
        assertThat(system.path("content").asText()).isEqualTo(text);
    }

    @Test
    void theSameVersionRevalidatesWith304AndANewerOneIsServedAgain() {
        String user = newUser("prompt");
        long version = personaArrives(user, PERSONA);

        as(user).header("If-None-Match", "\"" + version + "\"").get("/api/persona/prompt")
                .then().statusCode(304).header("ETag", "\"" + version + "\"");

        long edited = SessionStore.editPersona(user, version,
                "[{\"op\":\"replace\",\"path\":\"/Demographics/Name\",\"value\":\"Mei Lin\"}]");
        await().atMost(Duration.ofSeconds(30)).until(() -> cache.holds(user, edited));
        as(user).header("If-None-Match", "\"" + version + "\"").get("/api/persona/prompt")
                .then().statusCode(200).header("ETag", "\"" + edited + "\"")
                .body("version", equalTo((int) edited));
        assertThat(prompt(user).<String>path("text")).contains("- Name: Mei Lin");
    }

    @Test
    void plainTextIsTheTextAlone() {
        String user = newUser("prompt");
        long version = personaArrives(user, PERSONA);
        String text = prompt(user).path("text");

        Response plain = as(user).accept("text/plain").get("/api/persona/prompt");

        plain.then().statusCode(200).contentType("text/plain").header("ETag", "\"" + version + "\"")
                .header("Vary", "Accept");
        assertThat(plain.asString()).isEqualTo(text);
    }

    @Test
    void aBudgetLeavesOutWholeFieldsLeastImportantFirst() {
        String user = newUser("prompt");
        personaArrives(user, PERSONA);
        Response full = prompt(user);
        int budget = full.<Integer>path("tokens") - 15;

        Response fitted = as(user).queryParam("budget", budget).get("/api/persona/prompt");

        fitted.then().statusCode(200);
        String text = fitted.path("text");
        assertThat(fitted.<Integer>path("tokens")).isLessThanOrEqualTo(budget).isEqualTo(TokenCounter.count(text));
        // priority 4 and 3 fields go before the name and the preferred format (priority 1)
        assertThat(text).contains("- Name: Mei").contains("- Preferred_Formats: short bullet lists")
                .doesNotContain("Thinking_or_Feeling");
        assertThat(full.<String>path("text").lines().toList()).containsAll(text.lines().toList());
    }

    @Test
    void aBudgetBelowOneOrNotANumberIsABadRequest() {
        String user = newUser("prompt");
        for (String budget : new String[] { "0", "-5", "many" }) {
            as(user).queryParam("budget", budget).get("/api/persona/prompt")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("https://ai-persona.dev/problems/bad-request"))
                    .body("field", equalTo("budget"));
        }
        as(user).accept("text/plain").queryParam("budget", "0").get("/api/persona/prompt")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
