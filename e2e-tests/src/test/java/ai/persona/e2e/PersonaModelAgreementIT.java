package ai.persona.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.persona.infra.PostgresConnection;
import ai.persona.infra.QuarkusAppProcess;
import ai.persona.infra.stack.LocalStack;
import ai.persona.model.PersonaJson;
import ai.persona.model.PersonaSchema;

/**
 * The updater and the gateway run only with the persona model session-service enforces: the stack's own, configured
 * alike, are ready once they have confirmed it; a second updater started with another schema file refuses to start,
 * exiting with status 1 and a log line that names the schema as what differs.
 */
@ExtendWith(SharedStack.class)
class PersonaModelAgreementIT {

    private static final String REFUSAL = "persona-updater refuses to start: its persona model differs from the one "
            + "session-service enforces in the persona schema (persona.schema-file): sha256 ";
    private static Stack stack;

    @BeforeAll
    static void useTheSharedStack() {
        stack = SharedStack.stack();
    }

    @Test
    void theStacksUpdaterAndGatewayAreReadyWithTheModelConfirmed() throws Exception {
        for (String service : List.of(LocalStack.UPDATER, LocalStack.GATEWAY)) {
            String managementUrl = stack.services.process(service).managementUrl();
            HttpResponse<String> ready = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(managementUrl + "/q/health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).contains("Persona model agrees with session-service", "AGREED");
        }
        assertThat(Files.readString(stack.services.process(LocalStack.UPDATER).logFile()))
                .contains("persona-updater runs with the persona model session-service enforces (sha256 ");
    }

    @Test
    void anUpdaterWithAnotherSchemaRefusesToStartAndSaysWhatDiffers() throws IOException {
        Path schema = anotherSchema();
        Path log = stack.root.resolve("e2e-tests/target/e2e-logs/persona-updater-other-schema.log");
        Files.deleteIfExists(log);

        assertThatThrownBy(() -> QuarkusAppProcess.builder("persona-updater-other-schema", updaterJar())
                .config(otherUpdaterConfig(schema))
                .logFile(log)
                .readyTimeout(Duration.ofSeconds(120))
                .start()
                .close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("persona-updater-other-schema exited with code 1 while starting");
        assertThat(Files.readAllLines(log)).anySatisfy(line -> assertThat(line).contains("ERROR").contains(REFUSAL)
                .contains("Give every service the same persona.* configuration."));
    }

    /**
     * The stack's updater configuration with another schema file, on a database and consumer groups of its own, reading
     * from the latest offsets: it must not take work from the stack's updater in the seconds before it exits.
     */
    private static Map<String, String> otherUpdaterConfig(Path schema) {
        Map<String, String> config = new HashMap<>(stack.services.configOf(LocalStack.UPDATER));
        PostgresConnection db = stack.services.servers().postgres("persona_updater_other_schema");
        config.put("quarkus.datasource.jdbc.url", db.jdbcUrl());
        config.put("quarkus.datasource.reactive.url", db.reactiveUrl());
        for (String channel : List.of("conversations", "persona-changed", "session-events")) {
            config.put("mp.messaging.incoming." + channel + ".group.id", "persona-updater-other-schema");
            config.put("mp.messaging.incoming." + channel + ".auto.offset.reset", "latest");
        }
        config.put("persona.schema-file", schema.toString());
        return config;
    }

    /** The default schema with one field more in its first section. */
    private static Path anotherSchema() throws IOException {
        ObjectNode tree = PersonaJson.mapper().valueToTree(PersonaSchema.defaultSchema());
        ((ArrayNode) tree.get("sections").get(0).get("fields")).addObject().put("name", "Pet").put("type", "STRING");
        Path file = stack.root.resolve("e2e-tests/target/e2e-logs-agreement/other-schema.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, tree.toString(), StandardCharsets.UTF_8);
        return file;
    }

    private static Path updaterJar() {
        return stack.root.resolve("persona-updater/target/quarkus-app/quarkus-run.jar");
    }
}
