package ai.persona.session.service;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import ai.persona.events.ChangeSource;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Where one field's current value came from: the version that last set it, and what made that version.
 *
 * @param path the field, a JSON Pointer /Section/Field
 * @param patchId the patch that made the version (for the optimizer's, the id the updater derived from its batch)
 * @param reason the reason of the operation that set the field, when the change carried one
 * @param expiresAt when the value stops holding, for a temporary value; absent for a lasting one
 * @param restoredFrom for a value a rollback brought back: where that value had come from originally
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record FieldProvenance(String path, long version, ChangeSource source, String patchId,
        List<String> sourceSessionIds, String reason, String model, Instant changedAt, Instant expiresAt,
        FieldProvenance restoredFrom) {

    FieldProvenance withExpiry(Instant expiry) {
        return new FieldProvenance(path, version, source, patchId, sourceSessionIds, reason, model, changedAt, expiry,
                restoredFrom);
    }

    FieldProvenance restoring(FieldProvenance origin) {
        FieldProvenance first = origin.restoredFrom() != null ? origin.restoredFrom() : origin;
        return new FieldProvenance(path, version, source, patchId, sourceSessionIds, reason, model, changedAt, expiresAt,
                first.withExpiry(null));
    }
}
