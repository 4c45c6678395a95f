package ai.persona.updater.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.persona.events.ConversationCompleted;
import ai.persona.updater.persistence.BatchEntity;
import ai.persona.updater.persistence.BatchStatus;
import ai.persona.updater.persistence.PersonaSnapshot;
import ai.persona.updater.persistence.SessionEntity;
import ai.persona.updater.persistence.UserSettings;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** Reading batches: for the API, the sweeper, and the optimizer's input. */
@ApplicationScoped
public class BatchQueries {

    private final ObjectMapper mapper;
    private final UserSettingsService settings;

    public BatchQueries(ObjectMapper mapper, UserSettingsService settings) {
        this.mapper = mapper;
        this.settings = settings;
    }

    @WithSession
    public Uni<BatchEntity> find(UUID id) {
        return BatchEntity.findById(id);
    }

    @WithSession
    public Uni<List<BatchEntity>> search(String userId, BatchStatus status, int limit) {
        return BatchEntity.search(userId, status, limit);
    }

    @WithSession
    public Uni<List<UUID>> due(int limit) {
        return BatchEntity.due(Instant.now(), limit);
    }

    /** The user's batch that goes next, if it is due and free, or null. */
    @WithSession
    public Uni<UUID> nextDueOf(String userId) {
        return BatchEntity.nextDueOf(userId, Instant.now());
    }

    /** The user's previous batch that was or may still be published: its patch is what this one builds on. */
    @WithSession
    public Uni<BatchEntity> lastLiveBefore(BatchEntity batch) {
        return BatchEntity.lastLiveBefore(batch.userId, batch.createdAt);
    }

    /** The persona version the updater knows for the user (0 when none). */
    @WithSession
    public Uni<Long> snapshotVersion(String userId) {
        return PersonaSnapshot.<PersonaSnapshot> findById(userId)
                .map(snapshot -> snapshot == null ? 0L : snapshot.version);
    }

    /** Users whose oldest buffered session arrived before the cutoff. */
    @WithSession
    public Uni<List<String>> usersWaitingSince(Instant cutoff) {
        return SessionEntity.usersWaitingSince(cutoff);
    }

    /** The batch's sessions and persona snapshot, and the optimizer mode the user's settings give now. */
    @WithSession
    public Uni<BatchInput> input(BatchEntity batch) {
        return SessionEntity.ofBatch(batch.id)
                .chain(sessions -> PersonaSnapshot.<PersonaSnapshot> findById(batch.userId)
                        .chain(snapshot -> UserSettings.<UserSettings> findById(batch.userId)
                                .map(userSettings -> new BatchInput(batch.id, batch.userId,
                                        sessions.stream().map(s -> s.sessionId).sorted().toList(),
                                        snapshot == null ? 0 : snapshot.version,
                                        snapshot == null ? mapper.createObjectNode()
                                                : read(snapshot.persona, ObjectNode.class),
                                        sessions.stream().map(s -> read(s.payload, ConversationCompleted.class)).toList(),
                                        settings.optimizerMode(userSettings)))));
    }

    private <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON no longer reads as " + type.getSimpleName(), e);
        }
    }
}
