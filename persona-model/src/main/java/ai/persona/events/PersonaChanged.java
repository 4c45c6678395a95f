package ai.persona.events;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A user's persona reached a new version. Carries the full persona, so a compacted topic holds every user's current
 * persona; a tombstone (null value) for the user's key means the user and all their data were deleted.
 *
 * @param patch the JSON Patch from the previous version to this one
 * @param patchId the applied patch's id (for optimizer patches, the one the updater derived)
 */
@RegisterForReflection
public record PersonaChanged(int eventVersion, String userId, long version, ArrayNode patch, ObjectNode persona,
        ChangeSource source, String patchId, List<String> sourceSessionIds, Instant changedAt) {

    public static final int VERSION = 1;

    public PersonaChanged {
        sourceSessionIds = sourceSessionIds == null ? List.of() : List.copyOf(sourceSessionIds);
    }
}
