package ai.persona.updater.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

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
}
