package ai.persona.gateway.messaging;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.core.JsonProcessingException;

import ai.persona.events.EventContract;
import ai.persona.events.PersonaChanged;
import ai.persona.gateway.console.PersonaChanges;
import ai.persona.gateway.service.PersonaCache;
import ai.persona.gateway.service.UserMemory;
import ai.persona.gateway.service.SessionEmbeddings;
import ai.persona.model.PersonaJson;
import ai.persona.runtime.messaging.ProducerCheck;
import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Follows the compacted persona.changed.v1 topic into the persona cache: a newer version replaces the cached one, a
 * tombstone (null value) forgets the user. Every gateway instance reads the whole topic (its own consumer group), so
 * each one's cache is warm for every user after start-up. A tombstone also deletes the embeddings of the user's
 * sessions: they are derived from sessions that no longer exist, whoever deleted the user (not only DELETE /api/me).
 * A record session-service did not write ({@link ProducerCheck}; a forged one would put words in a user's system prompt,
 * a forged tombstone wipe their embeddings) or that is unreadable is nacked, and the connector dead-letters it: each
 * instance does, at each start, as each reads the whole topic (docs/events.md, "Who may produce").
 */
@ApplicationScoped
public class PersonaChangedConsumer {

    private final PersonaCache cache;
    private final SessionEmbeddings embeddings;
    private final UserMemory memory;
    private final PersonaChanges changes;
    private final ProducerCheck producers;

    public PersonaChangedConsumer(PersonaCache cache, SessionEmbeddings embeddings, UserMemory memory,
            PersonaChanges changes, ProducerCheck producers) {
        this.producers = producers;
        this.cache = cache;
        this.embeddings = embeddings;
        this.memory = memory;
        this.changes = changes;
    }

    // rendering counts tokens: kept off the event loop
    @Incoming("persona-changed")
    @Blocking
    public void onChange(ConsumerRecord<String, String> record) {
        producers.require(EventContract.PERSONA_CHANGED, record, IllegalArgumentException::new);
        if (record.value() == null) {
            if (record.key() != null) {
                memory.forget(record.key());
                // a tombstone replayed at start-up may hit a user re-created since: their embeddings are derived data,
                // computed again on their next turn
                embeddings.delete(record.key()).await().atMost(Duration.ofSeconds(10));
            }
            return;
        }
        try {
            PersonaChanged change = PersonaJson.mapper().readValue(record.value(), PersonaChanged.class);
            String userId = record.key() != null ? record.key() : change.userId();
            cache.offer(userId, change.version(), change.persona());
            // to the web consoles following this user (console/PersonaChanges)
            changes.publish(userId, change);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // only a cache: the next miss reads the persona from session-service
            Log.warnf("unreadable PersonaChanged at %s-%d@%d dead-lettered: %s", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            throw new IllegalArgumentException("not a PersonaChanged: " + e.getMessage(), e);
        }
    }
}
