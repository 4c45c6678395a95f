package ai.persona.updater.config;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * Which GDPR art. 9 categories the optimizer is told never to store. The same key as session-service's, which enforces
 * them, so one setting (env PERSONA_SENSITIVE_DATA_SPECIAL_CATEGORIES) configures both; the categories themselves and
 * their defaults live in persona-model (ai/persona/model/guard/sensitive-data.json).
 */
@ConfigMapping(prefix = "persona.sensitive-data")
public interface SensitiveDataConfig {

    /** Replaces the default (all four on); {@code none} for none. The always-on categories are always named. */
    Optional<List<String>> specialCategories();
}
