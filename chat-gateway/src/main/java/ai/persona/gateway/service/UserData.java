package ai.persona.gateway.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.persona.gateway.client.SessionServiceClient;
import ai.persona.model.PersonaJson;
import io.smallrye.mutiny.Uni;

/** A user's data as a whole, across session-service and the gateway's own settings. */
@ApplicationScoped
public class UserData {

    private final SessionServiceClient sessions;
    private final SettingsService settings;
    private final PersonaCache personas;

    public UserData(@RestClient SessionServiceClient sessions, SettingsService settings, PersonaCache personas) {
        this.sessions = sessions;
        this.settings = settings;
        this.personas = personas;
    }

    public Uni<UserSettings> settings(String userId) {
        return settings.get(userId);
    }

    public Uni<UserSettings> changeSettings(String userId, UserSettings changed) {
        return settings.put(userId, changed);
    }

    /** session-service's export with the gateway's settings added, so the user gets everything kept about them. */
    public Uni<JsonNode> export(String userId) {
        return sessions.export(userId)
                .chain(exported -> settings.get(userId)
                        .map(userSettings -> withSettings(exported, userSettings)));
    }

    /** Settings first, then everything in session-service; a user session-service never knew is deleted all the same. */
    public Uni<Void> delete(String userId) {
        return settings.delete(userId)
                .chain(() -> sessions.deleteUser(userId))
                .onFailure(failure -> failure instanceof GatewayException e && e.status() == 404).recoverWithNull()
                .invoke(() -> personas.forget(userId));
    }

    private static JsonNode withSettings(JsonNode exported, UserSettings userSettings) {
        ObjectNode document = exported.isObject() ? (ObjectNode) exported : PersonaJson.mapper().createObjectNode();
        document.set("gatewaySettings", PersonaJson.mapper().valueToTree(userSettings));
        return document;
    }
}
