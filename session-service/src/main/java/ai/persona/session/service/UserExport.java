package ai.persona.session.service;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Everything kept about one user, as one document: what a person gets when they ask for their data. */
@RegisterForReflection
public record UserExport(String userId, Instant createdAt, Instant exportedAt, PersonaView persona,
        List<PersonaVersionView> history, List<SessionView> sessions, List<RejectedPatchView> rejectedPatches) {

    @RegisterForReflection
    public record RejectedPatchView(String patchId, long baseVersion, long currentVersion, JsonNode reasons,
            JsonNode patch, Instant rejectedAt) {
    }
}
