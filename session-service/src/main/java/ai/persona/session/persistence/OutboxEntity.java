package ai.persona.session.persistence;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** A PersonaChanged event written with its change and relayed afterwards; a null payload is a tombstone. */
@Entity
@Table(name = "persona_outbox")
public class OutboxEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String userId;
    public String payload;
    public Instant createdAt;

    public static OutboxEntity of(String userId, String payload, Instant now) {
        OutboxEntity entry = new OutboxEntity();
        entry.userId = userId;
        entry.payload = payload;
        entry.createdAt = now;
        return entry;
    }

    public static Uni<List<OutboxEntity>> oldest(int limit) {
        return findAll(Sort.ascending("id")).page(Page.ofSize(limit)).list();
    }
}
