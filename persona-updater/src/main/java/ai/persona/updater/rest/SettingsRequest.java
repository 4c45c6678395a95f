package ai.persona.updater.rest;

/**
 * A user's learning settings, replaced as a whole.
 *
 * @param learningEnabled whether the optimizer learns from this user's sessions (required)
 * @param batchSize k, sessions per batch; null restores the configured default
 */
public record SettingsRequest(Boolean learningEnabled, Integer batchSize) {
}
