package ai.persona.session.persistence;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** The JSON Pointers a user pinned, as a JSON array; no row means nothing is pinned. */
@Entity
@Table(name = "persona_pins")
public class PersonaPinsEntity extends PanacheEntityBase {

    @Id
    public String userId;

    @ColumnTransformer(read = "pointers::text", write = "cast(? as text)::jsonb")
    public String pointers;

    public Instant updatedAt;
}
