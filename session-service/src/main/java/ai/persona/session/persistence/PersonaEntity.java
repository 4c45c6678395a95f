package ai.persona.session.persistence;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;

/** A user's current persona. Every change locks this row first, which serialises all writers of one user. */
@Entity
@Table(name = "personas")
public class PersonaEntity extends PanacheEntityBase {

    @Id
    public String userId;

    public long version;

    // Hibernate Reactive decodes a JSON-typed String column as an object and fails on arrays, and the Vert.x client
    // sends a String bound to jsonb as a JSON string: JSONB is read as text and written as text cast to jsonb.
    @ColumnTransformer(read = "document::text", write = "cast(? as text)::jsonb")
    public String document;

    public Instant updatedAt;

    public static Uni<PersonaEntity> lockFor(String userId) {
        return findById(userId, LockModeType.PESSIMISTIC_WRITE);
    }
}
