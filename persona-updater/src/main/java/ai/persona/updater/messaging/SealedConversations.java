package ai.persona.updater.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.persona.crypto.ContentKey;
import ai.persona.crypto.UnopenableContentException;
import ai.persona.events.ConversationCompleted;
import ai.persona.updater.keys.ContentKeyCache;
import ai.persona.updater.service.SessionIntake;
import ai.persona.updater.service.UpdaterMetrics;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Opens a poll's sealed completions with their users' content keys. A completion whose key is gone was published before
 * its user's deletion: dropped as forgotten (counted as sessions with result {@code key-destroyed}, one log line per
 * poll), never dead-lettered. One that does not open under its existing key is a producer's error: dead-lettered.
 * Opened completions are buffered as opened JSON, the form the optimizer reads later.
 */
@ApplicationScoped
public class SealedConversations {

    static final String KEY_DESTROYED = "key-destroyed";

    public record Pending(ConsumerRecord<String, String> record, ConversationCompleted event) {
    }

    public record Opened(List<SessionIntake.Received> readable, List<DeadLetters.Unreadable> unopenable) {
    }

    private final ContentKeyCache keys;
    private final ObjectMapper mapper;
    private final UpdaterMetrics metrics;

    public SealedConversations(ContentKeyCache keys, ObjectMapper mapper, UpdaterMetrics metrics) {
        this.keys = keys;
        this.mapper = mapper;
        this.metrics = metrics;
    }

    public Uni<Opened> open(List<Pending> pending) {
        List<SessionIntake.Received> readable = new ArrayList<>();
        List<DeadLetters.Unreadable> unopenable = new ArrayList<>();
        int[] forgotten = { 0 };
        return Multi.createFrom().iterable(pending)
                .onItem().transformToUniAndConcatenate(p -> keyOf(p.event())
                        .invoke(key -> {
                            if (p.event().sealedMessages() != null && key.isEmpty()) {
                                forgotten[0]++;
                            } else {
                                open(p, key.orElse(null), readable, unopenable);
                            }
                        }))
                .collect().last()
                .map(done -> {
                    if (forgotten[0] > 0) {
                        for (int i = 0; i < forgotten[0]; i++) {
                            metrics.session(KEY_DESTROYED);
                        }
                        Log.infof("%d completed sessions sealed under destroyed content keys (their users were"
                                + " deleted) dropped", forgotten[0]);
                    }
                    return new Opened(readable, unopenable);
                });
    }

    private Uni<Optional<ContentKey>> keyOf(ConversationCompleted event) {
        return event.sealedMessages() == null ? Uni.createFrom().item(Optional.empty())
                : keys.key(event.userId(), event.sealedMessages().keyId());
    }

    private void open(Pending p, ContentKey key, List<SessionIntake.Received> readable,
            List<DeadLetters.Unreadable> unopenable) {
        if (key == null) {
            // from before sealing: as published
            readable.add(new SessionIntake.Received(p.event(), p.record().value()));
            return;
        }
        try {
            ConversationCompleted opened = p.event().opened(key);
            readable.add(new SessionIntake.Received(opened, mapper.writeValueAsString(opened)));
        } catch (UnopenableContentException e) {
            unopenable.add(new DeadLetters.Unreadable(p.record(), new InvalidEventException(e.getMessage())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the opened completion " + p.event().sessionId(), e);
        }
    }
}
