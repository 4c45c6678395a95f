package ai.persona.session.persistence;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** One version of a persona in its history: the document, the patch that made it, and why. */
@Entity
@Table(name = "persona_history")
public class PersonaVersionEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String userId;
    public long version;

    @ColumnTransformer(read = "document::text", write = "cast(? as text)::jsonb")
    public String document;

    /** The RFC 6902 patch from the previous version. */
    @ColumnTransformer(read = "patch::text", write = "cast(? as text)::jsonb")
    public String patch;

    /** The operations as proposed, with their reasons (null for rollbacks and imports). */
    @ColumnTransformer(read = "operations::text", write = "cast(? as text)::jsonb")
    public String operations;

    public String source;
    public String patchId;

    @ColumnTransformer(read = "source_session_ids::text", write = "cast(? as text)::jsonb")
    public String sourceSessionIds;

    public String model;
    public Instant createdAt;

    public static Uni<PersonaVersionEntity> find(String userId, long version) {
        return find("userId = ?1 and version = ?2", userId, version).firstResult();
    }

    public static Uni<List<PersonaVersionEntity>> page(String userId, int page, int size) {
        return find("userId", Sort.descending("version"), userId).page(Page.of(page, size)).list();
    }
}
