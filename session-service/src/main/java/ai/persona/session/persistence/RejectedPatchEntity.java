package ai.persona.session.persistence;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A proposed patch that was parked rather than applied, with the reasons, for inspection. */
@Entity
@Table(name = "rejected_patches")
public class RejectedPatchEntity extends PanacheEntityBase {

    @Id
    public String patchId;

    public String userId;
    public long baseVersion;
    public long currentVersion;

    @ColumnTransformer(read = "reasons::text", write = "cast(? as text)::jsonb")
    public String reasons;

    @ColumnTransformer(read = "patch::text", write = "cast(? as text)::jsonb")
    public String patch;

    public Instant rejectedAt;
}
