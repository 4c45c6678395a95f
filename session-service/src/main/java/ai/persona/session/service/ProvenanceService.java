package ai.persona.session.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

import ai.persona.events.ChangeSource;
import ai.persona.model.PatchOperation;
import ai.persona.model.PersonaJson;
import ai.persona.model.PersonaPaths;
import ai.persona.runtime.problem.ProblemException;
import ai.persona.session.persistence.PersonaEntity;
import ai.persona.session.persistence.PersonaExpiryEntity;
import ai.persona.session.persistence.PersonaVersionEntity;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/**
 * Provenance per field, computed from the stored history rather than kept in a table of its own: the history is already
 * the record of every change, whatever made it, so there is nothing to keep in step and nothing to back-fill for
 * personas from before this existed. Replaying it reads the user's whole history; a life-long persona has hundreds of
 * versions, not millions (docs/persona-over-time.md).
 */
@ApplicationScoped
public class ProvenanceService {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<List<PatchOperation>> OPERATIONS = new TypeReference<>() {
    };

    private record SetValue(JsonNode value, FieldProvenance provenance) {
    }

    @WithSession
    public Uni<ProvenanceView> of(String userId) {
        return PersonaEntity.<PersonaEntity>findById(userId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("no user " + userId))
                .chain(persona -> PersonaVersionEntity.<PersonaVersionEntity>find("userId", Sort.ascending("version"),
                                userId).list()
                        .chain(history -> PersonaExpiryEntity.of(userId)
                                .map(expiries -> view(persona.version, history, expiries))));
    }

    private static ProvenanceView view(long version, List<PersonaVersionEntity> history,
            List<PersonaExpiryEntity> expiries) {
        Map<String, FieldProvenance> current = new LinkedHashMap<>();
        Map<String, List<SetValue>> earlier = new HashMap<>();
        JsonNode previous = PersonaJson.emptyPersona();
        for (PersonaVersionEntity row : history) {
            JsonNode document = Json.tree(row.document);
            List<PatchOperation> operations = row.operations == null ? List.of() : Json.read(row.operations, OPERATIONS);
            for (String path : PersonaPaths.changedFields(previous, document)) {
                JsonNode value = document.at(path);
                if (value.isMissingNode()) {
                    current.remove(path);
                    continue;
                }
                FieldProvenance set = new FieldProvenance(path, row.version, ChangeSource.valueOf(row.source),
                        row.patchId, Json.read(row.sourceSessionIds, STRINGS), reason(operations, path), row.model,
                        row.createdAt, null, null);
                List<SetValue> values = earlier.computeIfAbsent(path, p -> new ArrayList<>());
                if (set.source() == ChangeSource.ROLLBACK) {
                    set = origin(values, value).map(set::restoring).orElse(set);
                }
                values.add(new SetValue(value, set));
                current.put(path, set);
            }
            previous = document;
        }
        Map<String, PersonaExpiryEntity> expiryByPath = new HashMap<>();
        expiries.forEach(expiry -> expiryByPath.put(expiry.path, expiry));
        List<FieldProvenance> fields = current.values().stream()
                .map(field -> expiryByPath.containsKey(field.path())
                        ? field.withExpiry(expiryByPath.get(field.path()).expiresAt) : field)
                .toList();
        return new ProvenanceView(version, fields);
    }

    /** The latest earlier setting of the same value: what a rollback brought back. */
    private static Optional<FieldProvenance> origin(List<SetValue> values, JsonNode value) {
        for (int i = values.size() - 1; i >= 0; i--) {
            if (Objects.equals(values.get(i).value(), value)) {
                return Optional.of(values.get(i).provenance());
            }
        }
        return Optional.empty();
    }

    private static String reason(List<PatchOperation> operations, String path) {
        return operations.stream()
                .filter(op -> !op.isGuard() && op.reason() != null && PersonaPaths.overlap(op.path(), path))
                .map(PatchOperation::reason)
                .findFirst()
                .orElse(null);
    }
}
