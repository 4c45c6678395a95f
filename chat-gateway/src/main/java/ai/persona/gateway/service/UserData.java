package ai.persona.gateway.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.persona.gateway.client.SessionServiceClient;
import ai.persona.gateway.messaging.SessionRecorder;
import ai.persona.model.PersonaJson;
import ai.persona.runtime.problem.ProblemException;
import io.smallrye.mutiny.Uni;

/** A user's data as a whole, across session-service and the gateway's own settings. */
@ApplicationScoped
public class UserData {

    private final SessionServiceClient sessions;
    private final SettingsService settings;
    private final SessionEmbeddings embeddings;
    private final UserMemory memory;
    private final SessionRecorder recorder;

    public UserData(@RestClient SessionServiceClient sessions, SettingsService settings, SessionEmbeddings embeddings,
            UserMemory memory, SessionRecorder recorder) {
        this.sessions = sessions;
        this.settings = settings;
        this.embeddings = embeddings;
        this.memory = memory;
        this.recorder = recorder;
    }

    public Uni<UserSettings> settings(String userId) {
        return settings.get(userId);
    }

    public Uni<UserSettings> changeSettings(String userId, UserSettings changed) {
        return settings.put(userId, changed);
    }

    /**
     * session-service's export with what the gateway keeps added (settings, and which sessions have a stored embedding:
     * the vectors themselves are derived from the sessions' text, exported above), so the user gets everything.
     */
    public Uni<JsonNode> export(String userId) {
        return sessions.export(userId)
                .chain(exported -> settings.get(userId)
                        .chain(userSettings -> embeddings.sessionIds(userId)
                                .map(embedded -> withGatewayData(exported, userSettings, embedded))));
    }

    /**
     * Settings first (a turn still embedding a session then stores nothing: see {@link SessionEmbeddings#store}), the
     * embeddings, then everything in session-service; a user session-service never knew is deleted all the same.
     */
    public Uni<Void> delete(String userId) {
        // first the marker: session-service deletes the user again when it reaches it, after any of their turns
        // recorded before and not yet materialized, which would otherwise bring rows back after the delete below
        return recorder.forgotten(userId)
                .chain(() -> settings.delete(userId))
                .chain(() -> embeddings.delete(userId))
                .chain(() -> sessions.deleteUser(userId))
                .onFailure(failure -> failure instanceof ProblemException e && e.status() == 404).recoverWithNull()
                .invoke(() -> memory.forget(userId));
    }

    private static JsonNode withGatewayData(JsonNode exported, UserSettings userSettings, List<String> embedded) {
        ObjectNode document = exported.isObject() ? (ObjectNode) exported : PersonaJson.mapper().createObjectNode();
        document.set("gatewaySettings", PersonaJson.mapper().valueToTree(userSettings));
        document.set("embeddedSessionIds", PersonaJson.mapper().valueToTree(embedded));
        return document;
    }
}
