package ai.persona.events;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

import ai.persona.crypto.ContentKey;
import ai.persona.crypto.ContentSeal;
import ai.persona.crypto.SealedContent;
import ai.persona.crypto.UnopenableContentException;
import ai.persona.model.PersonaJson;

/** A conversation's messages as one sealed value: their JSON array, with the contracts' own settings. */
public final class MessageSeal {

    private static final TypeReference<List<ChatMessage>> MESSAGES = new TypeReference<>() {
    };

    private MessageSeal() {
    }

    public static SealedContent seal(ContentKey key, String userId, List<ChatMessage> messages) {
        try {
            return ContentSeal.seal(key, userId, PersonaJson.mapper().writeValueAsBytes(messages));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise messages", e);
        }
    }

    /** @throws UnopenableContentException when it does not open, or what opens is not a list of messages */
    public static List<ChatMessage> open(ContentKey key, String userId, SealedContent sealed) {
        byte[] json = ContentSeal.open(key, userId, sealed);
        try {
            List<ChatMessage> messages = PersonaJson.mapper().readValue(json, MESSAGES);
            return messages == null ? List.of() : messages;
        } catch (IOException e) {
            throw new UnopenableContentException("sealed messages are not a JSON array of messages");
        }
    }
}
