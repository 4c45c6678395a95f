package ai.persona.events;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;

import ai.persona.crypto.ContentKey;
import ai.persona.crypto.ContentSeal;
import ai.persona.crypto.SealedContent;
import ai.persona.crypto.UnopenableContentException;
import ai.persona.model.PersonaJson;

/**
 * A value sealed as its JSON, with the contracts' own settings: what {@link MessageSeal} and {@link PatchSeal} share, so
 * every sealed payload is written and read the same way.
 */
final class SealedJson {

    private SealedJson() {
    }

    static SealedContent seal(ContentKey key, String userId, Object value) {
        try {
            return ContentSeal.seal(key, userId, PersonaJson.mapper().writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /** @throws UnopenableContentException when it does not open, or what opens is not a {@code type} */
    static <T> T open(ContentKey key, String userId, SealedContent sealed, JavaType type, String what) {
        byte[] json = ContentSeal.open(key, userId, sealed);
        try {
            return PersonaJson.mapper().readValue(json, type);
        } catch (IOException e) {
            throw new UnopenableContentException("sealed " + what + " is not JSON of " + what);
        }
    }
}
