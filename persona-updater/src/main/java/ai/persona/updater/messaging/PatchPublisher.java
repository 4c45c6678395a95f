package ai.persona.updater.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import ai.persona.events.EventContract;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Publishes PersonaPatchProposed keyed by user id, as a binary-mode CloudEvent whose id is the patch id, so a
 * republished patch is recognisably the same event.
 */
@ApplicationScoped
public class PatchPublisher {

    private final MutinyEmitter<String> emitter;

    public PatchPublisher(@Channel("persona-patches") MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    /** Completes when the broker acknowledged the record, fails when it did not. */
    public Uni<Void> publish(String userId, String patchId, String payload) {
        Message<String> message = Message.of(payload)
                .addMetadata(OutgoingKafkaRecordMetadata.<String> builder()
                        .withKey(userId)
                        .build())
                .addMetadata(OutgoingCloudEventMetadata.builder()
                        .withId(patchId)
                        .withType(EventContract.PERSONA_PATCH_PROPOSED.cloudEventType())
                        .withSubject(userId)
                        .build());
        return emitter.sendMessage(message);
    }
}
