package ai.persona.updater.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.persona.events.ConversationCompleted;
import ai.persona.events.PersonaChanged;

/** Reads and checks the incoming events; anything unusable is an {@link InvalidEventException}. */
@ApplicationScoped
public class EventReader {

    private final ObjectMapper mapper;

    public EventReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public ConversationCompleted conversation(String key, String json) {
        ConversationCompleted event = read(json, ConversationCompleted.class);
        require(!blank(event.sessionId()), "ConversationCompleted without a sessionId");
        require(!blank(event.userId()), "ConversationCompleted without a userId");
        require(event.endedAt() != null, "ConversationCompleted without endedAt");
        requireKey(key, event.userId());
        return event;
    }

    public PersonaChanged personaChanged(String key, String json) {
        PersonaChanged event = read(json, PersonaChanged.class);
        require(!blank(event.userId()), "PersonaChanged without a userId");
        require(event.version() >= 0, "PersonaChanged with a negative version");
        require(event.persona() != null, "PersonaChanged without a persona");
        require(event.changedAt() != null, "PersonaChanged without changedAt");
        requireKey(key, event.userId());
        return event;
    }

    private <T> T read(String json, Class<T> type) {
        if (json == null) {
            throw new InvalidEventException("a record without a value where a " + type.getSimpleName() + " is expected");
        }
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("not a " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    // every topic is keyed by user id: a mismatch means the producer broke the per-user ordering the design relies on
    private static void requireKey(String key, String userId) {
        require(key == null || key.equals(userId), "record key " + key + " is not the event's user id " + userId);
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new InvalidEventException(problem);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
