package ai.persona.updater.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;

/** A user's current persona as the last PersonaChanged event told it; the optimizer's base. */
@Entity
@Table(name = "persona_snapshots")
public class PersonaSnapshot extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    public String userId;

    @Column(nullable = false)
    public long version;

    /** The persona document as JSON. */
    @Column(nullable = false)
    public String persona;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    /**
     * Stores the version unless one as new or newer is stored: one statement, so the PersonaChanged consumer and a
     * batch refreshing its base from session-service can write the same user's first snapshot at once (read-then-insert
     * made one of them fail with a duplicate key, and its batch wait a minute's retry).
     *
     * @return whether this version was stored
     */
    public static Uni<Boolean> keepIfNewer(String userId, long version, String persona, Instant changedAt) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(KEEP_IF_NEWER)
                        .setParameter("userId", userId)
                        .setParameter("version", version)
                        .setParameter("persona", persona)
                        .setParameter("changedAt", changedAt)
                        .executeUpdate())
                .map(rows -> rows > 0);
    }

    private static final String KEEP_IF_NEWER = """
            insert into persona_snapshots (user_id, version, persona, changed_at)
            values (:userId, :version, :persona, :changedAt)
            on conflict (user_id) do update
            set version = excluded.version, persona = excluded.persona, changed_at = excluded.changed_at
            where persona_snapshots.version < excluded.version
            """;
}
