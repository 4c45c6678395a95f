package ai.persona.events;

import ai.persona.model.PersonaPatch;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The optimizer's change set for one user's batch of sessions, for session-service to validate and apply. */
@RegisterForReflection
public record PersonaPatchProposed(int eventVersion, PersonaPatch patch, TokenUsage usage) {

    public static final int VERSION = 1;

    public static PersonaPatchProposed of(PersonaPatch patch, TokenUsage usage) {
        return new PersonaPatchProposed(VERSION, patch, usage);
    }
}
