package ai.persona.events;

import ai.persona.crypto.ContentKey;
import ai.persona.crypto.SealedContent;
import ai.persona.crypto.UnopenableContentException;
import ai.persona.model.PersonaPatch;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The optimizer's change set for one user's batch of sessions, for session-service to validate and apply.
 *
 * @param patch as published, only what routing and de-duplication need (patch and user id, base version, source
 *        sessions; {@link PatchSeal#routing}); the whole patch is in {@code sealedPatch}. A record without
 *        {@code sealedPatch} (from before sealing) carries the whole patch here
 * @param sealedPatch the whole patch, sealed under the user's content key ({@link PatchSeal}), which the user's deletion
 *        destroys: its reasons may quote the user
 */
@RegisterForReflection
public record PersonaPatchProposed(int eventVersion, PersonaPatch patch, TokenUsage usage, SealedContent sealedPatch) {

    public static final int VERSION = 1;

    public static PersonaPatchProposed of(PersonaPatch patch, TokenUsage usage) {
        return new PersonaPatchProposed(VERSION, patch, usage, null);
    }

    /** This proposal as published: the patch sealed under the user's content key, only its routing readable. */
    public PersonaPatchProposed sealed(ContentKey key) {
        return new PersonaPatchProposed(eventVersion, PatchSeal.routing(patch), usage, PatchSeal.seal(key, patch));
    }

    /**
     * This proposal with its sealed patch opened into {@code patch}.
     *
     * @throws UnopenableContentException when it does not open under {@code key}, or is not the patch named outside
     */
    public PersonaPatchProposed opened(ContentKey key) {
        return sealedPatch == null ? this
                : new PersonaPatchProposed(eventVersion, PatchSeal.open(key, patch, sealedPatch), usage, null);
    }
}
