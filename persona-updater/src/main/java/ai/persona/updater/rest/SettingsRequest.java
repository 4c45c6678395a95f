package ai.persona.updater.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A user's learning settings, replaced as a whole.
 *
 * @param learningEnabled whether the optimizer learns from this user's sessions (required)
 * @param batchSize k, sessions per batch; null restores the configured default
 * @param optimizerMode {@code conservative} or {@code paper}; null restores the configured default
 */
@RegisterForReflection
public record SettingsRequest(Boolean learningEnabled, Integer batchSize, String optimizerMode) {
}
