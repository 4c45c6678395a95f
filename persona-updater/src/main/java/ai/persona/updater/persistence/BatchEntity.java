package ai.persona.updater.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import ai.persona.updater.llm.OptimizerMode;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** One user's batch of sessions and what the optimizer made of it. */
@Entity
@Table(name = "optimizer_batches")
public class BatchEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public BatchStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public BatchTrigger trigger;

    /** JSON array of the sorted session ids. */
    @Column(name = "session_ids", nullable = false)
    public String sessionIds;

    @Column(name = "base_version")
    public Long baseVersion;

    /** The optimizer mode of the batch's last run; null until it was run. */
    @Enumerated(EnumType.STRING)
    @Column(name = "optimizer_mode")
    public OptimizerMode optimizerMode;

    @Column(name = "proposal")
    public String proposal;

    @Column(name = "raw_output")
    public String rawOutput;

    /** JSON array of the problems that parked the batch. */
    @Column(name = "problems")
    public String problems;

    @Column(name = "input_tokens", nullable = false)
    public int inputTokens;

    @Column(name = "output_tokens", nullable = false)
    public int outputTokens;

    @Column(name = "llm_calls", nullable = false)
    public int llmCalls;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "claimed_until")
    public Instant claimedUntil;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    /**
     * Reserves an unfinished batch for one worker until {@code until}; false when another worker holds it or it is done.
     * A crashed worker's lease simply runs out.
     */
    public static Uni<Boolean> claim(UUID id, Instant now, Instant until) {
        return update("claimedUntil = ?1, attempts = attempts + 1, updatedAt = ?2 where id = ?3 and status in ?4"
                + " and (claimedUntil is null or claimedUntil < ?2)", until, now, id, BatchStatus.UNFINISHED)
                .map(count -> count == 1);
    }

    /**
     * Unfinished batches whose next attempt is due, at most one per user and always that user's oldest, so a user's
     * batches are optimized in order.
     */
    public static Uni<List<UUID>> due(Instant now, int limit) {
        return find("select b.id from BatchEntity b where b.status in ?1 and b.nextAttemptAt <= ?2"
                + " and (b.claimedUntil is null or b.claimedUntil < ?2)"
                + " and not exists (select 1 from BatchEntity o where o.userId = b.userId and o.status in ?1"
                + " and o.createdAt < b.createdAt)"
                + " order by b.nextAttemptAt", BatchStatus.UNFINISHED, now)
                .project(UUID.class)
                .page(Page.ofSize(limit))
                .list();
    }

    /** The user's oldest unfinished batch if it is due and no worker holds it, or null: the one that goes next. */
    public static Uni<UUID> nextDueOf(String userId, Instant now) {
        return find("select b.id from BatchEntity b where b.userId = ?1 and b.status in ?2 and b.nextAttemptAt <= ?3"
                + " and (b.claimedUntil is null or b.claimedUntil < ?3)"
                + " and not exists (select 1 from BatchEntity o where o.userId = b.userId and o.status in ?2"
                + " and o.createdAt < b.createdAt)", userId, BatchStatus.UNFINISHED, now)
                .project(UUID.class)
                .firstResult();
    }

    /** The user's latest batch sealed before, that was or may still be published (not NO_CHANGE, not PARKED). */
    public static Uni<BatchEntity> lastLiveBefore(String userId, Instant createdAt) {
        return find("userId = ?1 and status in ?2 and createdAt < ?3", Sort.descending("createdAt"), userId,
                List.of(BatchStatus.READY, BatchStatus.OPTIMIZED, BatchStatus.PUBLISHED), createdAt)
                .firstResult();
    }

    public static Uni<List<BatchEntity>> search(String userId, BatchStatus status, int limit) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (userId != null) {
            query.append(" and userId = :userId");
            params.and("userId", userId);
        }
        if (status != null) {
            query.append(" and status = :status");
            params.and("status", status);
        }
        return find(query.toString(), Sort.descending("createdAt").and("id"), params)
                .page(Page.ofSize(limit))
                .list();
    }

    public static Uni<Long> deleteOfUser(String userId) {
        return delete("userId", userId);
    }
}
