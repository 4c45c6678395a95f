package ai.persona.personabench;

import java.util.Map;

/**
 * One PersonaBench scene: a situation in which the simulated user asks the assistant for help.
 *
 * @param kind common (adapted from the shared scene list) or specific (written for this persona)
 * @param name the scene's short name; for scenes whose name was a leaked template placeholder, the name recovered from
 *        the rest of the line
 * @param placeholderName whether the data carried the template placeholder instead of a name
 * @param neutralizedQuery the opening message without personal background, its leftover tags removed
 */
public record Scene(int index, Kind kind, String name, String summary, boolean placeholderName,
        Map<String, ApiSpec> availableApis, String description, String expectedResponse, String context,
        String personalizedQuery, String neutralizedQuery) {

    public enum Kind {
        COMMON,
        SPECIFIC
    }

    public Scene {
        availableApis = availableApis == null ? Map.of() : Map.copyOf(availableApis);
    }
}
