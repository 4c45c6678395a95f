package ai.persona.session.service;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.persona.events.SessionEvent;
import ai.persona.runtime.problem.ProblemException;
import ai.persona.runtime.input.Ids;

/**
 * Reads a record of the SessionEvent topic, or says why it cannot be materialized. The checks need no database, so a
 * record they refuse goes to the dead letters at once, and a retry of its batch after a database failure never sends it
 * again.
 */
@ApplicationScoped
public class SessionEventReader {

    /** Either the event or the reason it cannot be recorded. */
    public record Read(SessionEvent event, String problem) {

        public boolean readable() {
            return event != null;
        }
    }

    private final ObjectMapper mapper;
    private final SessionService sessions;

    public SessionEventReader(ObjectMapper mapper, SessionService sessions) {
        this.mapper = mapper;
        this.sessions = sessions;
    }

    public Read read(String json) {
        if (json == null) {
            return unreadable("no value");
        }
        SessionEvent event;
        try {
            event = mapper.readValue(json, SessionEvent.class);
        } catch (JsonProcessingException e) {
            return unreadable("not a SessionEvent: " + e.getOriginalMessage());
        }
        if (event == null || event.eventId() == null || event.userId() == null || event.kind() == null) {
            return unreadable("a SessionEvent needs eventId, userId and kind");
        }
        if (event.kind() == SessionEvent.Kind.FORGOTTEN) {
            return new Read(event, null);
        }
        if (event.sessionId() == null) {
            return unreadable("a " + event.kind() + " SessionEvent needs a sessionId");
        }
        try {
            Ids.check("eventId", event.eventId());
            Ids.check("userId", event.userId());
            Ids.check("sessionId", event.sessionId());
            Ids.checkIfSent("sameFirstMessageAs", event.sameFirstMessageAs());
            if (event.kind() == SessionEvent.Kind.MESSAGES && event.firstIndex() != null && event.firstIndex() < 0) {
                return unreadable("firstIndex must not be negative");
            }
        } catch (ProblemException e) {
            return unreadable(e.getMessage());
        }
        // sealed messages are checked once opened, with the key from the database
        String problem = event.sealedMessages() == null ? messagesProblem(event) : null;
        return problem == null ? new Read(event, null) : unreadable(problem);
    }

    /** Why the event's (opened) messages cannot be stored, or null when they can. */
    public String messagesProblem(SessionEvent event) {
        if (event.kind() != SessionEvent.Kind.MESSAGES) {
            return null;
        }
        try {
            // the same rules as a POST of messages: the stored conversation is the same whichever way it came
            sessions.checkMessages(event.messages());
            return null;
        } catch (ProblemException e) {
            return e.getMessage();
        }
    }

    private static Read unreadable(String problem) {
        return new Read(null, problem);
    }
}
