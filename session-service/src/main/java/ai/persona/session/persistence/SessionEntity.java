package ai.persona.session.persistence;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@Entity
@Table(name = "sessions")
public class SessionEntity extends PanacheEntityBase {

    @Id
    public String id;

    public String userId;
    public Instant startedAt;
    public Instant lastActivityAt;
    public Instant endedAt;
    public String endReason;
    public Instant publishedAt;
    public int messageCount;

    public boolean isEnded() {
        return endedAt != null;
    }

    public static Uni<List<SessionEntity>> page(String userId, int page, int size) {
        return find("userId", Sort.descending("startedAt").and("id", Sort.Direction.Descending), userId)
                .page(Page.of(page, size))
                .list();
    }

    public static Uni<Long> countFor(String userId) {
        return count("userId", userId);
    }

    public static Uni<List<SessionEntity>> completedUnpublished(int limit) {
        return find("endedAt is not null and publishedAt is null", Sort.ascending("endedAt"))
                .page(Page.ofSize(limit))
                .list();
    }

    public static Uni<List<SessionEntity>> idleSince(Instant cutoff, int limit) {
        return find("endedAt is null and lastActivityAt < ?1", Sort.ascending("lastActivityAt"), cutoff)
                .page(Page.ofSize(limit))
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }
}
