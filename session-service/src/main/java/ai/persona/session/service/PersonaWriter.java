package ai.persona.session.service;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.persona.events.ChangeSource;
import ai.persona.events.PersonaChanged;
import ai.persona.model.PatchOperation;
import ai.persona.model.PersonaPaths;
import ai.persona.model.PersonaPatcher;
import ai.persona.session.persistence.OutboxEntity;
import ai.persona.session.persistence.PersonaEntity;
import ai.persona.session.persistence.PersonaExpiryEntity;
import ai.persona.session.persistence.PersonaVersionEntity;
import io.smallrye.mutiny.Uni;

/**
 * The one way a persona changes: version + 1, a history row, a PersonaChanged event in the outbox and the temporary
 * values' expiries, all in the caller's transaction, on a persona row the caller has locked.
 */
@ApplicationScoped
public class PersonaWriter {

    public record Change(ChangeSource source, String patchId, List<String> sourceSessionIds,
            List<PatchOperation> operations, String model) {
    }

    public Uni<PersonaView> commit(PersonaEntity locked, ObjectNode next, Change change) {
        ObjectNode previous = (ObjectNode) Json.tree(locked.document);
        ArrayNode patch = PersonaPatcher.diff(previous, next);
        Instant now = Clocks.now();
        locked.version += 1;
        locked.document = Json.write(next);
        locked.updatedAt = now;

        PersonaVersionEntity history = new PersonaVersionEntity();
        history.userId = locked.userId;
        history.version = locked.version;
        history.document = locked.document;
        history.patch = Json.write(patch);
        history.operations = change.operations() == null ? null : Json.write(change.operations());
        history.source = change.source().name();
        history.patchId = change.patchId();
        history.sourceSessionIds = Json.write(change.sourceSessionIds());
        history.model = change.model();
        history.createdAt = now;

        PersonaChanged event = new PersonaChanged(PersonaChanged.VERSION, locked.userId, locked.version, patch, next,
                change.source(), change.patchId(), change.sourceSessionIds(), now);
        return history.persist()
                .chain(() -> OutboxEntity.of(locked.userId, Json.write(event), now).persist())
                .chain(() -> keepExpiries(locked, previous, next, change.operations()))
                .replaceWith(new PersonaView(locked.version, next));
    }

    /**
     * A value that changed, whatever changed it (optimizer, edit, rollback, import, expiry), no longer has the expiry of
     * the value it replaced; an operation with {@code until} gives its new value one.
     */
    private static Uni<Void> keepExpiries(PersonaEntity locked, ObjectNode previous, ObjectNode next,
            List<PatchOperation> operations) {
        Set<String> changed = PersonaPaths.changedFields(previous, next);
        List<PersonaExpiryEntity> temporary = operations == null ? List.of() : operations.stream()
                .filter(op -> op.isTemporary() && changed.contains(op.path()))
                .map(op -> PersonaExpiryEntity.of(locked.userId, op.path(), op.until(), locked.version))
                .toList();
        return PersonaExpiryEntity.clear(locked.userId, changed)
                .chain(() -> temporary.isEmpty() ? Uni.createFrom().voidItem()
                        : PersonaExpiryEntity.persist(temporary));
    }
}
