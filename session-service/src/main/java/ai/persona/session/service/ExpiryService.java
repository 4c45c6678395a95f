package ai.persona.session.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.persona.events.ChangeSource;
import ai.persona.model.PatchOperation;
import ai.persona.session.persistence.PersonaEntity;
import ai.persona.session.persistence.PersonaExpiryEntity;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Removes temporary values whose validity ended, one user per transaction, through PersonaWriter: a new version with
 * source EXPIRY and a remove operation per value, so the history and PersonaChanged show it like any other change.
 */
@ApplicationScoped
public class ExpiryService {

    private final PersonaWriter writer;

    public ExpiryService(PersonaWriter writer) {
        this.writer = writer;
    }

    @WithSession
    public Uni<List<String>> usersDue(Instant now, int rows) {
        return PersonaExpiryEntity.usersDue(now, rows);
    }

    /**
     * @return whether a version was made. The persona row is locked before the due values are read, so two instances
     *         running the job, or an edit at the same moment, never remove a value twice or remove a replaced one
     */
    @WithTransaction
    public Uni<Boolean> expire(String userId, Instant now) {
        return PersonaEntity.lockFor(userId)
                .chain(persona -> persona == null ? Uni.createFrom().item(false)
                        : PersonaExpiryEntity.dueOf(userId, now)
                                .chain(due -> remove(persona, due)));
    }

    private Uni<Boolean> remove(PersonaEntity persona, List<PersonaExpiryEntity> due) {
        if (due.isEmpty()) {
            return Uni.createFrom().item(false);
        }
        ObjectNode next = (ObjectNode) Json.tree(persona.document);
        List<PatchOperation> removals = new ArrayList<>();
        for (PersonaExpiryEntity expiry : due) {
            JsonPointer field = JsonPointer.compile(expiry.path);
            JsonNode section = next.get(field.getMatchingProperty());
            if (section instanceof ObjectNode fields && fields.remove(field.tail().getMatchingProperty()) != null) {
                removals.add(PatchOperation.remove(expiry.path, "temporary value, valid until " + expiry.expiresAt
                        + " (set in version " + expiry.version + ")"));
            }
        }
        if (removals.isEmpty()) {
            // the values are gone already; the writer clears expiries with their values, so this is only a safeguard
            return PersonaExpiryEntity.clear(persona.userId, due.stream().map(e -> e.path).toList())
                    .replaceWith(false);
        }
        return writer.commit(persona, next, new PersonaWriter.Change(ChangeSource.EXPIRY, UUID.randomUUID().toString(),
                        List.of(), removals, null))
                .replaceWith(true);
    }
}
