package ai.persona.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;

import ai.persona.model.PersonaJson;

/**
 * The JSON Schemas in docs/schemas are what other systems code against: they must be exactly what the event records
 * produce. Regenerate after changing a record with {@code mvn -pl persona-model test -Dpersona.schemas.write=true}.
 */
class EventSchemaTest {

    private static final Path SCHEMAS = Path.of(System.getProperty("persona.schemas.dir", "../docs/schemas"));

    @Test
    void committedSchemasMatchTheEventRecords() throws IOException {
        boolean write = Boolean.getBoolean("persona.schemas.write");
        for (EventContract contract : EventContract.values()) {
            JsonNode generated = schemaOf(contract);
            Path file = SCHEMAS.resolve(contract.cloudEventType() + ".schema.json");
            if (write) {
                Files.createDirectories(SCHEMAS);
                Files.writeString(file, PersonaJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(generated)
                        + "\n");
            }
            assertThat(file).as("schema of " + contract + " (regenerate with -Dpersona.schemas.write=true)").exists();
            assertThat(PersonaJson.mapper().readTree(file.toFile())).as(file.toString()).isEqualTo(generated);
        }
    }

    @Test
    void schemasNameEveryRecordComponent() {
        JsonNode changed = schemaOf(EventContract.PERSONA_CHANGED);
        List<String> components = Arrays.stream(PersonaChanged.class.getRecordComponents()).map(c -> c.getName()).toList();
        assertThat(changed.get("properties").fieldNames()).toIterable().containsExactlyInAnyOrderElementsOf(components);
        assertThat(changed.at("/properties/changedAt/format").asText()).isEqualTo("date-time");
        assertThat(changed.at("/properties/persona/type").asText()).isEqualTo("object");
    }

    static ObjectNode schemaOf(EventContract contract) {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(PersonaJson.mapper(),
                SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
                .with(new JacksonModule())
                .with(Option.EXTRA_OPEN_API_FORMAT_VALUES)
                .without(Option.SCHEMA_VERSION_INDICATOR);
        config.forTypesInGeneral().withCustomDefinitionProvider((type, context) -> {
            Class<?> raw = type.getErasedType();
            if (raw == ObjectNode.class) {
                return new com.github.victools.jsonschema.generator.CustomDefinition(
                        context.getGeneratorConfig().createObjectNode().put("type", "object"));
            }
            if (raw == ArrayNode.class) {
                return new com.github.victools.jsonschema.generator.CustomDefinition(
                        context.getGeneratorConfig().createObjectNode().put("type", "array"));
            }
            if (raw == JsonNode.class) {
                return new com.github.victools.jsonschema.generator.CustomDefinition(
                        context.getGeneratorConfig().createObjectNode());
            }
            return null;
        });
        ObjectNode schema = new SchemaGenerator(config.build()).generateSchema(contract.payload());
        schema.put("$id", "https://ai-persona.dev/schemas/" + contract.cloudEventType());
        schema.put("title", contract.payload().getSimpleName());
        return schema;
    }
}
