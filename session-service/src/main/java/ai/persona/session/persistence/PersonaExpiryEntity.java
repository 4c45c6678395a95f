package ai.persona.session.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** When one temporary persona field stops holding; no row means the value lasts. */
@Entity
@Table(name = "persona_expiries")
public class PersonaExpiryEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String userId;

    /** The field, a JSON Pointer /Section/Field. */
    public String path;

    public Instant expiresAt;

    /** The version that set the temporary value. */
    public long version;

    public static PersonaExpiryEntity of(String userId, String path, Instant expiresAt, long version) {
        PersonaExpiryEntity expiry = new PersonaExpiryEntity();
        expiry.userId = userId;
        expiry.path = path;
        expiry.expiresAt = expiresAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        expiry.version = version;
        return expiry;
    }

    public static Uni<List<PersonaExpiryEntity>> of(String userId) {
        return find("userId", Sort.by("path"), userId).list();
    }

    public static Uni<List<PersonaExpiryEntity>> dueOf(String userId, Instant now) {
        return find("userId = ?1 and expiresAt <= ?2", Sort.by("path"), userId, now).list();
    }

    /** Users with a value due by {@code now}, the longest overdue first, found among at most {@code rows} due values. */
    public static Uni<List<String>> usersDue(Instant now, int rows) {
        return PersonaExpiryEntity.<PersonaExpiryEntity>find("expiresAt <= ?1", Sort.by("expiresAt"), now)
                .range(0, rows - 1)
                .list()
                .map(due -> due.stream().map(e -> e.userId).distinct().toList());
    }

    /** A bulk delete, run at once: a row persisted after it for the same path does not collide with the old one. */
    public static Uni<Long> clear(String userId, Collection<String> paths) {
        return paths.isEmpty() ? Uni.createFrom().item(0L) : delete("userId = ?1 and path in ?2", userId, paths);
    }
}
