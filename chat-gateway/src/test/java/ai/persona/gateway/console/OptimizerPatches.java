package ai.persona.gateway.console;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.core.JsonProcessingException;

import ai.persona.events.EventContract;
import ai.persona.events.PersonaPatchProposed;
import ai.persona.events.RecordOrigin;
import ai.persona.model.PatchOperation;
import ai.persona.model.PersonaJson;
import ai.persona.model.PersonaPatch;

/**
 * What persona-updater does after a batch: proposes a patch on persona.patches.proposed.v1. session-service applies it
 * and publishes the new version's PersonaChanged, which reaches the gateway under test like any other.
 */
final class OptimizerPatches {

    static final String TOPIC = "persona.patches.proposed.v1";

    private OptimizerPatches() {
    }

    static void propose(String userId, long baseVersion, List<String> sessionIds, List<PatchOperation> operations) {
        PersonaPatch patch = new PersonaPatch(UUID.randomUUID().toString(), userId, baseVersion, sessionIds,
                operations, "test-model", Instant.now());
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(),
                new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, userId,
                    PersonaJson.mapper().writeValueAsString(PersonaPatchProposed.of(patch, null)));
            // as persona-updater writes it: session-service refuses a patch of any other producer
            record.headers().add(RecordOrigin.SOURCE_HEADER, "persona-updater".getBytes(StandardCharsets.UTF_8))
                    .add(RecordOrigin.TYPE_HEADER,
                            EventContract.PERSONA_PATCH_PROPOSED.cloudEventType().getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish the patch for " + userId, e);
        }
    }
}
