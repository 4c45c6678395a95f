package ai.persona.updater.service;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * A batch's patch id, derived from what the batch is (the user and its sessions), so re-running or re-publishing a batch
 * can never produce a second id and session-service recognises a redelivered patch.
 */
public final class PatchIds {

    private static final String NAMESPACE = "ai.persona.updater/patch/";

    private PatchIds() {
    }

    public static UUID of(String userId, Collection<String> sessionIds) {
        List<String> sorted = sessionIds.stream().sorted().toList();
        // newline cannot occur in ids coming from JSON strings of session-service, so the encoding is unambiguous
        String name = NAMESPACE + userId + "\n" + String.join("\n", sorted);
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
