package ai.persona.runtime.persona;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The persona schema and the limits patches and conversations are held to, read alike by every service under
 * {@code persona.*}: one setting (one ConfigMap in Kubernetes) configures session-service, which enforces them, the
 * updater, whose optimizer must propose what session-service accepts, and the gateway, which renders personas with the
 * schema and checks a turn before it asks the model. The schema is a JSON document, the paper's by default.
 */
@ConfigMapping(prefix = "persona")
public interface PersonaModelConfig {

    /** A schema document replacing the built-in one. */
    Optional<String> schemaFile();

    /** What a model's proposed patch is held to, by the updater before it publishes and by session-service. */
    OptimizerLimits optimizer();

    /** A person editing their own persona may change much at once, and may empty it (session-service only). */
    UserEditLimits userEdit();

    /** How much a session holds: the gateway checks a turn against it, session-service again before it stores it. */
    Conversations conversations();

    SensitiveData sensitiveData();

    Agreement agreement();

    /** The categories of data a proposed patch may never write (ai.persona.model.guard, docs/persona-guard.md). */
    interface SensitiveData {
        /**
         * The GDPR art. 9 categories enforced by session-service and told to the optimizer, replacing the defaults of
         * persona-model's sensitive-data.json (health, religion, sexual-orientation, political-views: all on);
         * {@code none} for none. Payment cards, government ids, secrets and home addresses are always enforced.
         */
        Optional<List<String>> specialCategories();
    }

    /**
     * Bounds left unset take persona-model's defaults ({@link ai.persona.model.PersonaLimits#defaults()} for the
     * optimizer, {@code userEditDefaults()} for a person's edits), their one home: the tools outside the services
     * (personabench-gen) hold personas to the same ones.
     */
    interface Limits {
        OptionalInt maxValueChars();

        OptionalInt maxListItems();

        OptionalInt maxOperations();

        OptionalInt maxRemovals();

        OptionalInt maxPersonaTokens();
    }

    /** Left unset, persona-model's {@link ai.persona.model.ConversationLimits#defaults()} (500, 32000). */
    interface Conversations {
        OptionalInt maxMessagesPerSession();

        /** In characters, for a message's content and a tool call's arguments. */
        OptionalInt maxMessageChars();
    }

    interface OptimizerLimits extends Limits {
    }

    interface UserEditLimits extends Limits {
    }

    /**
     * The start-up check of the updater and the gateway that their persona model is the one session-service enforces
     * (agreement/PersonaModelAgreement): not ready until it is confirmed, exit on a difference.
     */
    interface Agreement {
        /** Off only where no session-service runs (the updater's own tests). */
        @WithDefault("true")
        boolean enabled();

        /** First wait before session-service is asked again when it could not be reached; doubles per attempt. */
        @WithDefault("1s")
        Duration firstRetry();

        @WithDefault("15s")
        Duration maxRetry();

        /** How long session-service may stay unreachable before the service gives up and exits (non-zero). */
        @WithDefault("5m")
        Duration giveUpAfter();
    }
}
