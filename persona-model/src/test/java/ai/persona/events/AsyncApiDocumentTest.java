package ai.persona.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The AsyncAPI document restates {@link EventContract} for other systems; this fails when one changes without the other.
 * It reads the document as packaged, where the payload schemas sit beside it, as chat-gateway serves them.
 */
class AsyncApiDocumentTest {

    static final String DOCUMENT = "asyncapi/ai-persona.asyncapi.yaml";

    private static JsonNode document;

    @BeforeAll
    static void readDocument() throws IOException {
        try (InputStream in = AsyncApiDocumentTest.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
            assertThat(in).as(DOCUMENT).isNotNull();
            document = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }

    @Test
    void isAnAsyncApi3Document() {
        assertThat(document.path("asyncapi").asText()).isEqualTo("3.0.0");
    }

    @Test
    void hasExactlyTheContractTopicsAndTheDeadLetterTopicAsChannels() {
        List<String> expected = new ArrayList<>(Arrays.stream(EventContract.values()).map(EventContract::topic).toList());
        expected.add(EventContract.DEAD_LETTER_TOPIC);
        assertThat(fields(document.path("channels")).map(c -> c.path("address").asText()))
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void everyContractMessageCarriesItsCloudEventTypeKeyAndSchema() {
        for (EventContract contract : EventContract.values()) {
            List<JsonNode> messages = fields(channel(contract.topic()).path("messages")).map(this::resolve).toList();
            assertThat(messages).as(contract.topic()).hasSize(1);
            JsonNode message = messages.get(0);
            assertThat(message.at("/headers/properties/ce_type/const").asText()).as(contract + " ce_type")
                    .isEqualTo(contract.cloudEventType());
            // the producer consumers accept (RecordOrigin) is the one the document promises
            assertThat(message.at("/headers/properties/ce_source/const").asText()).as(contract + " ce_source")
                    .isEqualTo(contract.producer().id());
            assertThat(message.path("traits").findValuesAsText("$ref")).as(contract + " traits")
                    .contains("#/components/messageTraits/CloudEventsBinary", "#/components/messageTraits/KeyedByUserId");
            assertThat(message.path("payload").findValuesAsText("$ref")).as(contract + " payload")
                    .containsExactly("schemas/" + contract.cloudEventType() + ".schema.json");
        }
        assertThat(document.at("/components/messageTraits/KeyedByUserId/bindings/kafka/key/description").asText())
                .contains("user id");
    }

    @Test
    void everySchemaReferenceResolvesToAPackagedSchema() {
        List<String> files = document.findValuesAsText("$ref").stream().filter(ref -> !ref.startsWith("#")).toList();
        assertThat(files).hasSize(EventContract.values().length);
        for (String file : files) {
            assertThat(getClass().getClassLoader().getResource("asyncapi/" + file)).as(file).isNotNull();
        }
    }

    @Test
    void everyLocalReferenceResolves() {
        for (String ref : document.findValuesAsText("$ref")) {
            if (ref.startsWith("#")) {
                assertThat(document.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
            }
        }
    }

    @Test
    void everyContractTopicHasASenderAndAReceiver() {
        for (EventContract contract : EventContract.values()) {
            List<String> actions = fields(document.path("operations"))
                    .filter(op -> resolve(op.path("channel")).path("address").asText().equals(contract.topic()))
                    .map(op -> op.path("action").asText())
                    .toList();
            assertThat(actions).as(contract.topic()).contains("send", "receive");
        }
    }

    private JsonNode channel(String address) {
        return fields(document.path("channels")).filter(c -> c.path("address").asText().equals(address)).findFirst()
                .orElseThrow(() -> new AssertionError("no channel for " + address));
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode ref = node.get("$ref");
        return ref == null ? node : resolve(document.at(ref.asText().substring(1)));
    }

    private static Stream<JsonNode> fields(JsonNode object) {
        return StreamSupport.stream(object.spliterator(), false);
    }
}
