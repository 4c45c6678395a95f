package ai.persona.session.persistence;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import ai.persona.input.UserIds;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;

/**
 * A deleted user, remembered without naming them: a SHA-256 of the id and the time of their latest deletion. Anything
 * made from before that time is refused, also after the user comes back.
 */
@Entity
@Table(name = "forgotten_users")
public class ForgottenUserEntity extends PanacheEntityBase {

    @Id
    public String userHash;

    public Instant forgottenAt;

    /** The time of the user's latest deletion, or null when they were never deleted. */
    public static Uni<Instant> forgottenAt(String userId) {
        return ForgottenUserEntity.<ForgottenUserEntity>findById(hash(userId))
                .map(row -> row == null ? null : row.forgottenAt);
    }

    /** Records a deletion at {@code at}; a later deletion moves the time on, an earlier one leaves it. */
    public static Uni<Void> remember(String userId, Instant at) {
        return getSession()
                .chain(session -> session.createNativeQuery("insert into forgotten_users (user_hash, forgotten_at)"
                        + " values (:hash, :at) on conflict (user_hash) do update"
                        + " set forgotten_at = greatest(forgotten_users.forgotten_at, excluded.forgotten_at)")
                        .setParameter("hash", hash(userId))
                        .setParameter("at", at)
                        .executeUpdate())
                .replaceWithVoid();
    }

    public static String hash(String userId) {
        return UserIds.hashed(userId);
    }
}
