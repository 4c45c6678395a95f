package ai.persona.events;

import java.util.List;

import com.fasterxml.jackson.databind.JavaType;

import ai.persona.crypto.ContentKey;
import ai.persona.crypto.SealedContent;
import ai.persona.crypto.UnopenableContentException;
import ai.persona.model.PersonaJson;

/** A conversation's messages as one sealed value: their JSON array, with the contracts' own settings. */
public final class MessageSeal {

    private static final JavaType MESSAGES = PersonaJson.mapper().getTypeFactory()
            .constructCollectionType(List.class, ChatMessage.class);

    private MessageSeal() {
    }

    public static SealedContent seal(ContentKey key, String userId, List<ChatMessage> messages) {
        return SealedJson.seal(key, userId, messages);
    }

    /** @throws UnopenableContentException when it does not open, or what opens is not a list of messages */
    public static List<ChatMessage> open(ContentKey key, String userId, SealedContent sealed) {
        List<ChatMessage> messages = SealedJson.open(key, userId, sealed, MESSAGES, "messages");
        return messages == null ? List.of() : messages;
    }
}
