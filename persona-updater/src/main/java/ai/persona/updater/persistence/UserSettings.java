package ai.persona.updater.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import ai.persona.updater.llm.OptimizerMode;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;

/** A user's learning settings; users without a row learn, with the configured k and optimizer mode. */
@Entity
@Table(name = "user_settings")
public class UserSettings extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    public String userId;

    @Column(name = "learning_enabled", nullable = false)
    public boolean learningEnabled;

    /** k for this user; null means the configured default. */
    @Column(name = "batch_size")
    public Integer batchSize;

    /** The optimizer mode for this user; null means the configured default. */
    @Enumerated(EnumType.STRING)
    @Column(name = "optimizer_mode")
    public OptimizerMode optimizerMode;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Uni<List<UserSettings>> of(Collection<String> userIds) {
        return list("userId in ?1", userIds);
    }
}
