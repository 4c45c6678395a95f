package ai.persona.updater.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * A user deleted upstream. Only the id and the time are kept, so that a session of theirs that was still in flight when
 * they were deleted cannot bring their data back.
 */
@Entity
@Table(name = "forgotten_users")
public class ForgottenUser extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    public String userId;

    @Column(name = "forgotten_at", nullable = false)
    public Instant forgottenAt;
}
