package ai.persona.session.messaging;

import java.io.IOException;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import ai.persona.crypto.UnopenableContentException;
import ai.persona.input.LogText;
import ai.persona.input.UserIds;
import ai.persona.events.EventContract;
import ai.persona.events.PersonaPatchProposed;
import ai.persona.model.PersonaPatch;
import ai.persona.runtime.messaging.ProducerCheck;
import ai.persona.session.keys.ContentKeys;
import ai.persona.session.service.ProposedPatchService;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Applies PersonaPatchProposed records in partition order (records are keyed by user, so one user's patches arrive in the
 * order they were made). A record that persona-updater did not write ({@link ProducerCheck}) or that is not a readable
 * patch is nacked and goes to the dead-letter topic; a database failure is retried rather than dead-lettered, since
 * skipping a patch would reorder the user's history. A sealed patch is opened with its user's content key before anything
 * else, so de-duplication and the deletion checks see the whole patch: one whose key is gone was made before its user's
 * deletion and is dropped as forgotten (counted as {@code KEY_DESTROYED}, never retried nor dead-lettered, as nothing can
 * read it again); one that does not open under a key that exists is a producer's error and is dead-lettered.
 */
@ApplicationScoped
public class PatchConsumer {

    static final String KEY_DESTROYED = "KEY_DESTROYED";

    private final ProposedPatchService patches;
    private final ObjectMapper mapper;
    private final MeterRegistry registry;
    private final PersonaEventRelay relay;
    private final ProducerCheck producers;
    private final ContentKeys keys;

    public PatchConsumer(ProposedPatchService patches, ObjectMapper mapper, MeterRegistry registry,
            PersonaEventRelay relay, ProducerCheck producers, ContentKeys keys) {
        this.patches = patches;
        this.mapper = mapper;
        this.registry = registry;
        this.relay = relay;
        this.producers = producers;
        this.keys = keys;
    }

    @Incoming("persona-patches")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        String refused = producers.problem(EventContract.PERSONA_PATCH_PROPOSED, record);
        if (refused != null) {
            return Uni.createFrom().failure(new IllegalArgumentException(refused));
        }
        PersonaPatchProposed event = parse(record.value());
        return opened(event)
                .chain(patch -> patch == null ? forgotten(event.patch()) : apply(patch));
    }

    /** The whole patch; null when it is sealed under a key that no longer exists. */
    private Uni<PersonaPatch> opened(PersonaPatchProposed event) {
        if (event.sealedPatch() == null) {
            return Uni.createFrom().item(event.patch());
        }
        // the key's lookup is retried as the database is below; a value that does not open under it fails at once
        return keys.byId(event.sealedPatch().keyId())
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).atMost(20)
                .map(owned -> owned == null ? null : opened(event, owned));
    }

    private static PersonaPatch opened(PersonaPatchProposed event, ContentKeys.Owned owned) {
        // a key that exists but is another user's: the producer sealed with the wrong key, or the value was moved
        if (!owned.userId().equals(event.patch().userId())) {
            throw new UnopenableContentException("sealed under another user's content key");
        }
        return event.opened(owned.key()).patch();
    }

    private Uni<Void> forgotten(PersonaPatch patch) {
        registry.counter("persona.patches", "outcome", KEY_DESTROYED).increment();
        Log.infof("dropped patch %s: sealed under a destroyed content key (its user was deleted)",
                LogText.escape(patch.patchId()));
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> apply(PersonaPatch patch) {
        return patches.apply(patch)
                .onFailure().invoke(e -> Log.warnf(e, "applying patch %s failed; retrying",
                        LogText.escape(patch.patchId())))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).atMost(20)
                .invoke(outcome -> registry.counter("persona.patches", "outcome", outcome.name()).increment())
                // the new version's PersonaChanged goes out now rather than at the relay's next tick (at most 1 s
                // apart: Quarkus's scheduler runs nothing more often); a relay already running holds its lock and
                // this one skips, and a failure here leaves the event to the next tick
                .call(() -> relay.relay().onFailure().recoverWithNull())
                .replaceWithVoid();
    }

    private PersonaPatchProposed parse(String json) {
        if (json == null) {
            throw new IllegalArgumentException("a record without a value where a PersonaPatchProposed is expected");
        }
        try {
            PersonaPatchProposed event = mapper.readValue(json, PersonaPatchProposed.class);
            if (event.patch() == null || event.patch().patchId() == null || event.patch().userId() == null) {
                throw new IllegalArgumentException("a PersonaPatchProposed needs a patch with patchId and userId");
            }
            // ids the database cannot store would fail every retry: refused at once, like an unreadable record
            if (!UserIds.valid(event.patch().patchId()) || !UserIds.valid(event.patch().userId())) {
                throw new IllegalArgumentException("a PersonaPatchProposed's patchId and userId follow the rule for ids");
            }
            if (event.sealedPatch() != null && event.sealedPatch().keyId() == null) {
                throw new IllegalArgumentException("a PersonaPatchProposed's sealedPatch names its keyId");
            }
            return event;
        } catch (IOException e) {
            throw new IllegalArgumentException("not a PersonaPatchProposed: " + e.getMessage(), e);
        }
    }
}
