package ai.persona.session.config;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The persona schema and the limits patches are held to; the schema is a JSON document, the paper's by default. */
@ConfigMapping(prefix = "persona")
public interface PersonaModelConfig {

    /** A schema document replacing the built-in one. */
    Optional<String> schemaFile();

    Limits optimizer();

    /** A person editing their own persona may change much at once, and may empty it. */
    Limits userEdit();

    SensitiveData sensitiveData();

    /** The categories of data a proposed patch may never write (ai.persona.model.guard, docs/persona-guard.md). */
    interface SensitiveData {
        /**
         * The GDPR art. 9 categories enforced here, replacing the defaults of persona-model's sensitive-data.json
         * (health, religion, sexual-orientation, political-views: all on); {@code none} for none. Payment cards,
         * government ids, secrets and home addresses are always enforced.
         */
        Optional<List<String>> specialCategories();
    }

    interface Limits {
        @WithDefault("500")
        int maxValueChars();

        @WithDefault("30")
        int maxListItems();

        @WithDefault("20")
        int maxOperations();

        @WithDefault("3")
        int maxRemovals();

        @WithDefault("1500")
        int maxPersonaTokens();
    }
}
