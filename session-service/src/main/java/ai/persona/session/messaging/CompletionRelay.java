package ai.persona.session.messaging;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.core.JsonProcessingException;

import ai.persona.crypto.ContentKey;
import ai.persona.events.ChatMessage;
import ai.persona.events.ConversationCompleted;
import ai.persona.events.EventContract;
import ai.persona.model.PersonaJson;
import ai.persona.session.config.SessionServiceConfig;
import ai.persona.session.keys.ContentKeys;
import ai.persona.session.service.Completions;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Publishes ConversationCompleted for every ended session, from the sessions table (ended, not yet published), and marks
 * them published once the broker acknowledged, in the transaction that holds the relay lock. The messages go out sealed
 * under the user's content key (made here when the user has none yet, for sessions recorded through the REST API). A crash in between
 * republishes: consumers de-duplicate by session id, which is also the CloudEvent id.
 */
@ApplicationScoped
public class CompletionRelay {

    private static final URI SOURCE = URI.create("session-service");

    private final MutinyEmitter<String> emitter;
    private final Pool pool;
    private final Completions completions;
    private final SessionServiceConfig config;
    private final ContentKeys contentKeys;

    public CompletionRelay(@Channel("conversations-completed") MutinyEmitter<String> emitter, Pool pool,
            Completions completions, SessionServiceConfig config, ContentKeys contentKeys) {
        this.contentKeys = contentKeys;
        this.emitter = emitter;
        this.pool = pool;
        this.completions = completions;
        this.config = config;
    }

    // Not before start-up completes: the emitter's channel is wired during start-up.
    @Scheduled(every = "${session-service.completion-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> relay() {
        // One relay at a time across instances (replicas, rolling updates): two would publish every session twice.
        return pool.withTransaction(conn -> completions.lock(conn)
                .chain(locked -> locked ? completions.unpublished(conn, config.completionBatchSize())
                        : Uni.createFrom().item(List.<ConversationCompleted>of()))
                .chain(completed -> completed.isEmpty() ? Uni.createFrom().voidItem() : publish(conn, completed)));
    }

    private Uni<Void> publish(SqlConnection conn, List<ConversationCompleted> completed) {
        // a session ended without a message (its opening turn failed, or a client gave up) teaches the optimizer
        // nothing and would take a place in the user's next batch of k: marked, never sent
        List<ConversationCompleted> learnable = completed.stream()
                .filter(event -> !event.messages().isEmpty())
                .toList();
        List<String> ids = completed.stream().map(ConversationCompleted::sessionId).toList();
        if (learnable.isEmpty()) {
            return completions.markPublished(conn, ids);
        }
        // the idempotent producer keeps one user's completions in the order sent, with no broker-side duplicates
        return keysOf(conn, learnable)
                .chain(keys -> all(learnable.stream()
                        // no key: the user was deleted since the read; the completion went with them
                        .filter(event -> keys.containsKey(event.userId()))
                        .map(event -> emitter.sendMessage(message(event,
                                fittingJson(event, keys.get(event.userId())))))
                        .toList()))
                .chain(() -> completions.markPublished(conn, ids));
    }

    private static Uni<Void> all(List<Uni<Void>> sends) {
        return sends.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(sends).andFailFast().replaceWithVoid();
    }

    // each user's content key, in this transaction: the messages leave the database only sealed
    private Uni<Map<String, ContentKey>> keysOf(SqlConnection conn, List<ConversationCompleted> completed) {
        Map<String, ContentKey> keys = new HashMap<>();
        return Multi.createFrom().iterable(completed.stream().map(ConversationCompleted::userId).distinct().toList())
                .onItem().transformToUniAndConcatenate(userId -> contentKeys.currentOfExisting(conn, userId)
                        .invoke(key -> {
                            if (key != null) {
                                keys.put(userId, key);
                            }
                        }))
                .collect().last()
                .replaceWith(keys);
    }

    private Message<String> message(ConversationCompleted event, String json) {
        return Message.of(json)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(event.userId()).build())
                .addMetadata(OutgoingCloudEventMetadata.builder()
                        .withId(event.sessionId())
                        .withSource(SOURCE)
                        .withType(EventContract.CONVERSATION_COMPLETED.cloudEventType())
                        .withSubject(event.userId())
                        .build());
    }

    /**
     * The completion as JSON within the record size limit: a longer session loses its oldest messages, a tenth at a time,
     * down to its last one (a message is far smaller than a record). The session itself stays whole in the database.
     */
    private String fittingJson(ConversationCompleted event, ContentKey key) {
        String json = json(event.sealed(key));
        List<ChatMessage> messages = event.messages();
        int left = 0;
        while (json.getBytes(StandardCharsets.UTF_8).length > config.completionMaxBytes() && left < messages.size() - 1) {
            left = Math.min(left + Math.max(1, (messages.size() - left) / 10), messages.size() - 1);
            json = json(ConversationCompleted.of(event.sessionId(), event.userId(), event.startedAt(), event.endedAt(),
                    messages.subList(left, messages.size())).sealed(key));
        }
        if (left > 0) {
            Log.warnf("completion of session %s over %d bytes: published without its %d oldest of %d messages",
                    event.sessionId(), config.completionMaxBytes(), left, messages.size());
        }
        return json;
    }

    // with the contracts' own settings, as every producer of the topic writes it
    private static String json(ConversationCompleted event) {
        try {
            return PersonaJson.mapper().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the completion of " + event.sessionId(), e);
        }
    }
}
