package ai.persona.updater.persistence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

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
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(userId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
