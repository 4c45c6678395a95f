package ai.persona.session.persistence;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;

@Entity
@Table(name = "users")
public class UserEntity extends PanacheEntityBase {

    @Id
    public String id;

    public Instant createdAt;

    /** Creates the user and their empty persona (version 0) unless they exist; safe under concurrency. */
    public static Uni<Void> ensure(String userId, Instant now) {
        return getSession()
                .chain(session -> session.createNativeQuery(
                        "with u as (insert into users (id, created_at) values (:id, :now) on conflict do nothing returning id) "
                                + "insert into personas (user_id, version, document, updated_at) "
                                + "select id, 0, '{}'::jsonb, :now from u")
                        .setParameter("id", userId)
                        .setParameter("now", now)
                        .executeUpdate())
                .replaceWithVoid();
    }
}
