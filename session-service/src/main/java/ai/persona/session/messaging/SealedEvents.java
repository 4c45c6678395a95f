package ai.persona.session.messaging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import ai.persona.crypto.ContentKey;
import ai.persona.crypto.UnopenableContentException;
import ai.persona.events.SessionEvent;
import ai.persona.session.keys.ContentKeys;
import ai.persona.session.service.SessionEventReader;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Opens a batch's sealed turns with their users' content keys, one query for the batch. An event whose key is gone was
 * recorded before its user's deletion: it is dropped as forgotten (counted, one log line per batch), never
 * dead-lettered, as nothing can ever read it again. One that does not open under an existing key, or whose opened
 * messages break the API's rules, is a producer's error: dead-lettered with the reason.
 */
@ApplicationScoped
public class SealedEvents {

    static final String KEY_DESTROYED = "key-destroyed";

    public record Pending(ConsumerRecord<String, String> record, SessionEvent event) {
    }

    /** The events to store, in record order, and the records to dead-letter with their reasons. */
    public record Opened(List<SessionEvent> events, Map<ConsumerRecord<String, String>, String> unopenable) {
    }

    private final ContentKeys keys;
    private final SessionEventReader reader;
    private final MeterRegistry registry;

    public SealedEvents(ContentKeys keys, SessionEventReader reader, MeterRegistry registry) {
        this.keys = keys;
        this.reader = reader;
        this.registry = registry;
    }

    public Uni<Opened> open(List<Pending> pending) {
        List<String> keyIds = pending.stream()
                .map(p -> p.event().sealedMessages())
                .filter(Objects::nonNull)
                .map(sealed -> sealed.keyId())
                .distinct()
                .toList();
        return keys.byIds(keyIds).map(found -> open(pending, found));
    }

    private Opened open(List<Pending> pending, Map<String, ContentKey> found) {
        List<SessionEvent> events = new ArrayList<>();
        Map<ConsumerRecord<String, String>, String> unopenable = new LinkedHashMap<>();
        int forgotten = 0;
        for (Pending p : pending) {
            SessionEvent event = p.event();
            if (event.sealedMessages() == null) {
                events.add(event);
                continue;
            }
            ContentKey key = found.get(event.sealedMessages().keyId());
            if (key == null) {
                forgotten++;
                continue;
            }
            try {
                SessionEvent opened = event.opened(key);
                String problem = reader.messagesProblem(opened);
                if (problem == null) {
                    events.add(opened);
                } else {
                    unopenable.put(p.record(), problem);
                }
            } catch (UnopenableContentException e) {
                unopenable.put(p.record(), e.getMessage());
            }
        }
        if (forgotten > 0) {
            registry.counter(SessionEventConsumer.METRIC, "outcome", KEY_DESTROYED).increment(forgotten);
            Log.infof("%d session events sealed under destroyed content keys (their users were deleted) dropped",
                    forgotten);
        }
        return new Opened(events, unopenable);
    }
}
