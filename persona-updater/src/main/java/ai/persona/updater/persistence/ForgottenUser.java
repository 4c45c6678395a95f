package ai.persona.updater.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import ai.persona.input.UserIds;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;

/**
 * A user deleted upstream, so that a session of theirs still in flight when they were deleted cannot bring their data
 * back. Only a SHA-256 of the id and the time are kept: deleting a user leaves no row that names them.
 */
@Entity
@Table(name = "forgotten_users")
public class ForgottenUser extends PanacheEntityBase {

    @Id
    @Column(name = "user_hash")
    public String userHash;

    @Column(name = "forgotten_at", nullable = false)
    public Instant forgottenAt;

    public static Uni<ForgottenUser> findFor(String userId) {
        return findById(hash(userId));
    }

    /** Those of the given users who were forgotten. */
    public static Uni<List<ForgottenUser>> findFor(Collection<String> userIds) {
        return list("userHash in ?1", userIds.stream().map(ForgottenUser::hash).toList());
    }

    public static String hash(String userId) {
        return UserIds.hashed(userId);
    }
}
