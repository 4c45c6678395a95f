package ai.persona.session.persistence;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * A patch id seen before (applied, rejected, or refused as made from a deleted user's sessions): a redelivered or replayed
 * patch is a no-op. Kept when the user is deleted, and names no user.
 */
@Entity
@Table(name = "processed_patches")
public class ProcessedPatchEntity extends PanacheEntityBase {

    @Id
    public String patchId;

    public String outcome;
    public Long version;
    public Instant processedAt;
}
