package ai.persona.events;

import java.util.List;

import com.fasterxml.jackson.databind.JavaType;

import ai.persona.crypto.ContentKey;
import ai.persona.crypto.SealedContent;
import ai.persona.crypto.UnopenableContentException;
import ai.persona.model.PersonaJson;
import ai.persona.model.PersonaPatch;

/**
 * A proposed patch as one sealed value: the whole patch's JSON (operations with their values and reasons, which may
 * quote the user, and when and by what it was made). Beside it, the record keeps only what routing and de-duplication
 * read without the key: {@link #routing(PersonaPatch)}.
 */
public final class PatchSeal {

    private static final JavaType PATCH = PersonaJson.mapper().constructType(PersonaPatch.class);

    private PatchSeal() {
    }

    public static SealedContent seal(ContentKey key, PersonaPatch patch) {
        return SealedJson.seal(key, patch.userId(), patch);
    }

    /**
     * @param outside the patch as the record shows it without the key; the opened patch must name the same patch, user,
     *        base version and sessions, so a sealed value moved into another patch's record does not apply as that one
     * @throws UnopenableContentException when it does not open, what opens is not a patch, or not the one named outside
     */
    public static PersonaPatch open(ContentKey key, PersonaPatch outside, SealedContent sealed) {
        PersonaPatch patch = SealedJson.open(key, outside.userId(), sealed, PATCH, "patch");
        if (patch == null || !routing(patch).equals(routing(outside))) {
            throw new UnopenableContentException("the sealed patch is not patch " + outside.patchId()
                    + " its record names");
        }
        return patch;
    }

    /** What of a patch stays readable beside its seal: ids, base version and sessions; no operation, model or time. */
    public static PersonaPatch routing(PersonaPatch patch) {
        return new PersonaPatch(patch.patchId(), patch.userId(), patch.baseVersion(), patch.sourceSessionIds(),
                List.of(), null, null, null);
    }
}
