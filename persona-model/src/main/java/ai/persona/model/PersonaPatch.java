package ai.persona.model;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ArrayNode;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A change set over one user's persona: an RFC 6902 JSON Patch with what it was made from.
 *
 * @param patchId deterministic where possible (the updater derives it from user and sessions) so redelivery is a no-op
 * @param baseVersion the persona version the patch was made against
 * @param sourceSessionIds the sessions the change was learned from (empty for a user's own edit)
 * @param model the model that proposed it, or null for a person
 * @param firstSessionStartedAt when the earliest of {@code sourceSessionIds} started (session-service's
 *        {@code startedAt}): a patch learned from a session that started before the user's latest deletion is made
 *        of deleted data and is refused. Absent in patches written before it existed and in a person's own edits
 */
@RegisterForReflection
public record PersonaPatch(String patchId, String userId, long baseVersion, List<String> sourceSessionIds,
        List<PatchOperation> operations, String model, Instant createdAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant firstSessionStartedAt) {

    public PersonaPatch {
        sourceSessionIds = sourceSessionIds == null ? List.of() : List.copyOf(sourceSessionIds);
        operations = operations == null ? List.of() : List.copyOf(operations);
    }

    /** A patch that does not say when its sessions started (a person's edit, or a test's). */
    public PersonaPatch(String patchId, String userId, long baseVersion, List<String> sourceSessionIds,
            List<PatchOperation> operations, String model, Instant createdAt) {
        this(patchId, userId, baseVersion, sourceSessionIds, operations, model, createdAt, null);
    }

    @JsonIgnore
    public ArrayNode toJsonPatch() {
        return toJsonPatch(operations);
    }

    public static ArrayNode toJsonPatch(List<PatchOperation> operations) {
        ArrayNode patch = PersonaJson.mapper().createArrayNode();
        operations.forEach(op -> patch.add(op.toJsonPatchOperation()));
        return patch;
    }

    @JsonIgnore
    public boolean isEmpty() {
        return operations.stream().allMatch(PatchOperation::isGuard);
    }
}
