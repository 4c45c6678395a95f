package ai.persona.updater.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** A session the updater has seen: buffered (no batch yet) or part of a batch. */
@Entity
@Table(name = "sessions")
public class SessionEntity extends PanacheEntityBase {

    @Id
    @Column(name = "session_id")
    public String sessionId;

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Column(name = "batch_id")
    public UUID batchId;

    @Column(name = "ended_at", nullable = false)
    public Instant endedAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    /** The ConversationCompleted JSON as received; null once its batch is done. */
    @Column(name = "payload")
    public String payload;

    public static Uni<List<SessionEntity>> buffered(String userId) {
        return find("userId = ?1 and batchId is null", Sort.by("endedAt").and("sessionId"), userId).list();
    }

    /** The buffered sessions of several users, each user's oldest first. */
    public static Uni<List<SessionEntity>> buffered(Collection<String> userIds) {
        return find("userId in ?1 and batchId is null", Sort.by("userId").and("endedAt").and("sessionId"), userIds)
                .list();
    }

    /** Those of the given session ids the updater has seen before. */
    public static Uni<List<String>> seen(Collection<String> sessionIds) {
        return find("select s.sessionId from SessionEntity s where s.sessionId in ?1", sessionIds)
                .project(String.class)
                .list();
    }

    public static Uni<List<SessionEntity>> ofBatch(UUID batchId) {
        return find("batchId", Sort.by("endedAt").and("sessionId"), batchId).list();
    }

    /** Users whose oldest buffered session arrived before the cutoff. */
    public static Uni<List<String>> usersWaitingSince(Instant cutoff) {
        return find("select distinct s.userId from SessionEntity s where s.batchId is null and s.receivedAt < ?1", cutoff)
                .project(String.class)
                .list();
    }

    /** Assigns still-buffered sessions to a batch; the count tells whether another writer took some of them first. */
    public static Uni<Integer> assign(Collection<String> sessionIds, UUID batchId) {
        return update("batchId = ?1 where sessionId in ?2 and batchId is null", batchId, sessionIds);
    }

    /** The updater keeps no copy of a conversation once it has learned from it; session-service keeps the original. */
    public static Uni<Integer> dropPayloads(UUID batchId) {
        return update("payload = null where batchId = ?1", batchId);
    }

    public static Uni<Long> deleteOfUser(String userId) {
        return delete("userId", userId);
    }
}
