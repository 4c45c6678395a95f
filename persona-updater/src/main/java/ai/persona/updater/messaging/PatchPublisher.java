package ai.persona.updater.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.persona.crypto.ContentKey;
import ai.persona.events.EventContract;
import ai.persona.events.PersonaPatchProposed;
import ai.persona.updater.keys.ContentKeyCache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Publishes PersonaPatchProposed keyed by user id, as a binary-mode CloudEvent whose id is the patch id, so a
 * republished patch is recognisably the same event. The patch goes out sealed under the user's content key (its reasons
 * may quote the user), with only its ids, base version and sessions readable; once the key is gone (the user was
 * deleted) nothing goes out.
 */
@ApplicationScoped
public class PatchPublisher {

    /** What became of a patch to publish. */
    public enum Outcome {
        /** The broker acknowledged it. */
        PUBLISHED,
        /** The user has no content key any more (deleted): not published, and never will be under that key. */
        KEY_DESTROYED
    }

    private final MutinyEmitter<String> emitter;
    private final ContentKeyCache keys;
    private final ObjectMapper mapper;

    public PatchPublisher(@Channel("persona-patches") MutinyEmitter<String> emitter, ContentKeyCache keys,
            ObjectMapper mapper) {
        this.emitter = emitter;
        this.keys = keys;
        this.mapper = mapper;
    }

    /** Completes when the broker acknowledged the record or the key is gone; fails when neither could be known. */
    public Uni<Outcome> publish(PersonaPatchProposed proposal) {
        String userId = proposal.patch().userId();
        return keys.current(userId)
                .chain(key -> key.isEmpty() ? Uni.createFrom().item(Outcome.KEY_DESTROYED)
                        : send(userId, proposal.patch().patchId(), sealed(proposal, key.get()))
                                .replaceWith(Outcome.PUBLISHED));
    }

    private Uni<Void> send(String userId, String patchId, String payload) {
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

    private String sealed(PersonaPatchProposed proposal, ContentKey key) {
        try {
            return mapper.writeValueAsString(proposal.sealed(key));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise patch " + proposal.patch().patchId(), e);
        }
    }
}
