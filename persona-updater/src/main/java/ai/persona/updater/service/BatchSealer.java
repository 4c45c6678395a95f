package ai.persona.updater.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.persona.updater.persistence.BatchEntity;
import ai.persona.updater.persistence.BatchStatus;
import ai.persona.updater.persistence.BatchTrigger;
import ai.persona.updater.persistence.SessionEntity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Turns buffered sessions into batches, inside the caller's transaction, so a session is buffered and its batch sealed
 * atomically. Writers racing for the same sessions (the consumer, the sweeper, the API) cannot both win: a batch takes
 * only sessions that are still unassigned, and the loser's transaction fails and is retried or dropped.
 */
@ApplicationScoped
public class BatchSealer {

    /** Another writer sealed some of these sessions first. */
    public static class ConcurrentSealException extends RuntimeException {
        ConcurrentSealException(String userId) {
            super("sessions of " + userId + " were sealed concurrently");
        }
    }

    private final ObjectMapper mapper;

    public BatchSealer(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Seals full batches of {@code k} sessions, oldest first, for as long as the buffer holds k. */
    public Uni<List<UUID>> sealFull(String userId, int k) {
        return sealFull(Map.of(userId, k));
    }

    /** {@link #sealFull(String, int)} for several users at once, each with their k, their buffers read in one query. */
    public Uni<List<UUID>> sealFull(Map<String, Integer> kOfUser) {
        return SessionEntity.buffered(kOfUser.keySet())
                .map(buffered -> fullChunks(buffered, kOfUser))
                .onItem().transformToMulti(chunks -> Multi.createFrom().iterable(chunks))
                // one after the other: they share the caller's session, which runs one statement at a time
                .onItem().transformToUniAndConcatenate(chunk -> seal(chunk.get(0).userId, chunk, BatchTrigger.FULL))
                .collect().asList();
    }

    /** Seals whatever is buffered as one batch (a partial one, flushed); empty when nothing is buffered. */
    public Uni<List<UUID>> sealAll(String userId, BatchTrigger trigger) {
        return SessionEntity.buffered(userId)
                .chain(buffered -> buffered.isEmpty() ? Uni.createFrom().item(List.<UUID> of())
                        : seal(userId, buffered, trigger).map(List::of));
    }

    private static List<List<SessionEntity>> fullChunks(List<SessionEntity> buffered, Map<String, Integer> kOfUser) {
        Map<String, List<SessionEntity>> byUser = buffered.stream()
                .collect(Collectors.groupingBy(s -> s.userId, LinkedHashMap::new, Collectors.toList()));
        List<List<SessionEntity>> chunks = new ArrayList<>();
        byUser.forEach((userId, sessions) -> {
            int k = kOfUser.get(userId);
            for (int from = 0; from + k <= sessions.size(); from += k) {
                chunks.add(sessions.subList(from, from + k));
            }
        });
        return chunks;
    }

    private Uni<UUID> seal(String userId, List<SessionEntity> sessions, BatchTrigger trigger) {
        List<String> ids = sessions.stream().map(s -> s.sessionId).sorted().toList();
        Instant now = Instant.now();
        BatchEntity batch = new BatchEntity();
        batch.id = PatchIds.of(userId, ids);
        batch.userId = userId;
        batch.status = BatchStatus.READY;
        batch.trigger = trigger;
        batch.sessionIds = json(ids);
        batch.nextAttemptAt = now;
        batch.createdAt = now;
        batch.updatedAt = now;
        // flushed now: the sessions' foreign key must find the batch row
        return batch.<BatchEntity> persistAndFlush()
                .chain(() -> SessionEntity.assign(ids, batch.id))
                .invoke(assigned -> {
                    if (assigned != ids.size()) {
                        throw new ConcurrentSealException(userId);
                    }
                })
                .replaceWith(batch.id);
    }

    private String json(List<String> ids) {
        try {
            return mapper.writeValueAsString(ids);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
