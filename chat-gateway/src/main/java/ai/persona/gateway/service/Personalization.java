package ai.persona.gateway.service;

import jakarta.enterprise.context.ApplicationScoped;

import ai.persona.input.LogText;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * What the gateway adds to a user's conversation, as one system message: their persona, unless they switched
 * personalization off or have no persona yet (served from memory for a known user), then, if they switched retrieval
 * on, their most similar past session. A retrieval that fails leaves the turn without it rather than failing it.
 */
@ApplicationScoped
public class Personalization {

    private final SettingsService settings;
    private final PersonaCache personas;
    private final PastSessions pastSessions;

    public Personalization(SettingsService settings, PersonaCache personas, PastSessions pastSessions) {
        this.settings = settings;
        this.personas = personas;
        this.pastSessions = pastSessions;
    }

    /**
     * The system prompt for this user's next turn, or null for none.
     *
     * @param query the user's newest message, what a past session is retrieved for
     */
    public Uni<String> systemPrompt(String userId, String sessionId, String query) {
        return settings.get(userId)
                .chain(userSettings -> persona(userId, userSettings)
                        .chain(persona -> retrieved(userId, sessionId, query, userSettings)
                                .map(past -> join(persona, past))));
    }

    private Uni<String> persona(String userId, UserSettings userSettings) {
        return userSettings.personalization()
                ? personas.get(userId).map(PersonaCache.Entry::prompt)
                : Uni.createFrom().nullItem();
    }

    private Uni<String> retrieved(String userId, String sessionId, String query, UserSettings userSettings) {
        if (userSettings.retrieval() != Retrieval.SIMILAR_SESSION) {
            return Uni.createFrom().nullItem();
        }
        return pastSessions.mostSimilar(userId, sessionId, query)
                .onFailure().recoverWithItem(failure -> {
                    Log.warnf("no past session retrieved for a turn of %s: %s", LogText.escape(userId),
                            LogText.escape(failure.toString()));
                    return null;
                });
    }

    private static String join(String persona, String past) {
        if (persona == null || past == null) {
            return persona == null ? past : persona;
        }
        return persona + "\n\n" + past;
    }
}
