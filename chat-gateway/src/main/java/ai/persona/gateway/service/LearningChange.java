package ai.persona.gateway.service;

/**
 * A change of a user's learning settings: a null field keeps its value.
 *
 * @param learning turns learning on or off
 * @param sessionsPerUpdate a new k (at least 1; the updater knows the upper bound)
 * @param defaultSessionsPerUpdate true: back to the deployment's default k (then sessionsPerUpdate is null)
 */
public record LearningChange(Boolean learning, Integer sessionsPerUpdate, boolean defaultSessionsPerUpdate) {

    public boolean isEmpty() {
        return learning == null && sessionsPerUpdate == null && !defaultSessionsPerUpdate;
    }
}
