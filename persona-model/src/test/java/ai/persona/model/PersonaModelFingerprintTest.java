package ai.persona.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.persona.model.PersonaModelFingerprint.Difference;
import ai.persona.model.PersonaModelFingerprint.Part;

class PersonaModelFingerprintTest {

    private static final List<String> CATEGORIES = List.of("payment-card", "health");
    private static final Set<Part> ALL = EnumSet.allOf(Part.class);

    private final PersonaSchema schema = PersonaSchema.defaultSchema();
    private final PersonaModelFingerprint fingerprint = PersonaModelFingerprint.of(schema, PersonaLimits.defaults(),
            CATEGORIES, ConversationLimits.defaults());

    @Test
    void theSameSchemaLimitsAndCategoriesGiveTheSameFingerprint() throws IOException {
        PersonaSchema reread = read(PersonaJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(schema));
        PersonaModelFingerprint again = PersonaModelFingerprint.of(reread,
                new PersonaLimits(500, 30, 20, 3, 1500), List.of("health", "payment-card", "health"),
                new ConversationLimits(500, 32000));

        assertThat(again).isEqualTo(fingerprint);
        assertThat(fingerprint.sha256()).hasSize(64).isNotEqualTo(fingerprint.schemaSha256());
        assertThat(again.differencesFrom(fingerprint, ALL)).isEmpty();
    }

    @Test
    void aSchemaDocumentWithItsKeysInAnotherOrderHasTheSameFingerprint() throws IOException {
        ObjectNode tree = PersonaJson.mapper().valueToTree(schema);
        ObjectNode reordered = PersonaJson.mapper().createObjectNode();
        reordered.set("sections", tree.get("sections"));
        reordered.set("description", tree.get("description"));

        assertThat(PersonaModelFingerprint.of(read(reordered.toString()), PersonaLimits.defaults(), CATEGORIES,
                ConversationLimits.defaults())).isEqualTo(fingerprint);
    }

    @Test
    void canonicalJsonSortsPropertiesByName() {
        assertThat(PersonaModelFingerprint.canonicalJson(new PersonaLimits(1, 2, 3, 4, 5))).isEqualTo(
                "{\"maxListItems\":2,\"maxOperations\":3,\"maxPersonaTokens\":5,\"maxRemovals\":4,\"maxValueChars\":1}");
    }

    @Test
    void aFieldMoreInTheSchemaChangesBothHashesAndIsNamedAsTheSchema() throws IOException {
        ObjectNode tree = PersonaJson.mapper().valueToTree(schema);
        ((ArrayNode) tree.get("sections").get(0).get("fields")).addObject().put("name", "Pet").put("type", "STRING");
        PersonaModelFingerprint other = PersonaModelFingerprint.of(read(tree.toString()), PersonaLimits.defaults(),
                CATEGORIES, ConversationLimits.defaults());

        assertThat(other.sha256()).isNotEqualTo(fingerprint.sha256());
        assertThat(other.schemaSha256()).isNotEqualTo(fingerprint.schemaSha256());
        List<Difference> differences = other.differencesFrom(fingerprint, ALL);
        assertThat(differences).extracting(Difference::part).containsExactly(Part.SCHEMA);
        assertThat(differences.get(0).description()).contains("persona.schema-file", other.schemaSha256(),
                fingerprint.schemaSha256());
    }

    @Test
    void eachLimitChangesTheFingerprintButNotTheSchemasAndIsNamedByItsKey() {
        List<PersonaLimits> changed = List.of(new PersonaLimits(501, 30, 20, 3, 1500),
                new PersonaLimits(500, 31, 20, 3, 1500), new PersonaLimits(500, 30, 21, 3, 1500),
                new PersonaLimits(500, 30, 20, 4, 1500), new PersonaLimits(500, 30, 20, 3, 1501));
        List<String> keys = List.of("max-value-chars", "max-list-items", "max-operations", "max-removals",
                "max-persona-tokens");
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < changed.size(); i++) {
            PersonaModelFingerprint other = PersonaModelFingerprint.of(schema, changed.get(i), CATEGORIES,
                    ConversationLimits.defaults());
            hashes.add(other.sha256());
            assertThat(other.schemaSha256()).isEqualTo(fingerprint.schemaSha256());
            List<Difference> differences = other.differencesFrom(fingerprint, ALL);
            assertThat(differences).extracting(Difference::part).containsExactly(Part.OPTIMIZER_LIMITS);
            assertThat(differences.get(0).description()).startsWith("the optimizer limit persona.optimizer."
                    + keys.get(i) + ": ");
            assertThat(other.differencesFrom(fingerprint, EnumSet.of(Part.SCHEMA))).isEmpty();
        }
        assertThat(hashes).doesNotHaveDuplicates().doesNotContain(fingerprint.sha256());
    }

    @Test
    void anotherSetOfSensitiveCategoriesChangesTheFingerprint() {
        PersonaModelFingerprint other = PersonaModelFingerprint.of(schema, PersonaLimits.defaults(),
                List.of("payment-card"), ConversationLimits.defaults());

        assertThat(other.sha256()).isNotEqualTo(fingerprint.sha256());
        assertThat(other.differencesFrom(fingerprint, ALL)).extracting(Difference::description)
                .containsExactly("the sensitive-data categories (persona.sensitive-data.special-categories): "
                        + "[payment-card] here, [health, payment-card] at session-service");
    }

    @Test
    void otherConversationLimitsChangeTheFingerprintAndAreNamedByTheirKeys() {
        PersonaModelFingerprint other = PersonaModelFingerprint.of(schema, PersonaLimits.defaults(), CATEGORIES,
                new ConversationLimits(500, 8000));

        assertThat(other.sha256()).isNotEqualTo(fingerprint.sha256());
        List<Difference> differences = other.differencesFrom(fingerprint, ALL);
        assertThat(differences).extracting(Difference::part).containsExactly(Part.CONVERSATION_LIMITS);
        assertThat(differences.get(0).description()).isEqualTo("the conversation limits "
                + "(persona.conversations.max-messages-per-session, max-message-chars): ConversationLimits"
                + "[maxMessagesPerSession=500, maxMessageChars=8000] here, ConversationLimits"
                + "[maxMessagesPerSession=500, maxMessageChars=32000] at session-service");
        assertThat(other.differencesFrom(fingerprint, EnumSet.of(Part.SCHEMA))).isEmpty();
    }

    @Test
    void aSessionServiceThatDoesNotReportConversationLimitsIsNotADifference() {
        PersonaModelFingerprint older = new PersonaModelFingerprint(fingerprint.sha256(), fingerprint.schemaSha256(),
                fingerprint.optimizerLimits(), fingerprint.sensitiveCategories(), null);
        PersonaModelFingerprint other = PersonaModelFingerprint.of(schema, PersonaLimits.defaults(), CATEGORIES,
                new ConversationLimits(500, 8000));

        assertThat(other.differencesFrom(older, ALL)).isEmpty();
    }

    private static PersonaSchema read(String json) throws IOException {
        return PersonaSchema.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
