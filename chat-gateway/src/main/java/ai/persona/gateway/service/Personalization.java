package ai.persona.gateway.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

/**
 * What the gateway adds to a user's conversation: their persona as a system message, unless they switched
 * personalization off or have no persona yet. Both lookups are served from memory for a known user.
 */
@ApplicationScoped
public class Personalization {

    private final SettingsService settings;
    private final PersonaCache personas;

    public Personalization(SettingsService settings, PersonaCache personas) {
        this.settings = settings;
        this.personas = personas;
    }

    /** The system prompt for this user's next turn, or null for none. */
    public Uni<String> systemPrompt(String userId) {
        return settings.get(userId)
                .chain(userSettings -> userSettings.personalization()
                        ? personas.get(userId).map(PersonaCache.Entry::prompt)
                        : Uni.createFrom().nullItem());
    }
}
