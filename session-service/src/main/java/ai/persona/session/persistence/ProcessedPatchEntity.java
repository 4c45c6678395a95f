package ai.persona.session.persistence;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A patch id seen before, applied or rejected: a redelivered patch is a no-op. */
@Entity
@Table(name = "processed_patches")
public class ProcessedPatchEntity extends PanacheEntityBase {

    @Id
    public String patchId;

    public String userId;
    public String outcome;
    public Long version;
    public Instant processedAt;
}
