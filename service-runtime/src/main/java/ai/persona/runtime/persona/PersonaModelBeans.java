package ai.persona.runtime.persona;

import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import ai.persona.model.ConversationLimits;
import ai.persona.model.PersonaLimits;
import ai.persona.model.PersonaModelFingerprint;
import ai.persona.model.PersonaPatcher;
import ai.persona.model.PersonaRenderer;
import ai.persona.model.PersonaSchema;
import ai.persona.model.PersonaValidator;
import ai.persona.model.guard.SensitiveCategory;
import ai.persona.model.guard.SensitiveDataDetector;
import ai.persona.model.guard.SensitiveDataPolicy;

/**
 * The persona model every service runs with, from {@link PersonaModelConfig}. Each bean is made on first use: a service
 * pays only for what it injects (the gateway the schema and the renderer, the updater no user-edit patcher).
 */
@ApplicationScoped
public class PersonaModelBeans {

    /** The patcher a model's proposed patches go through: it may never empty a persona. */
    public static final String OPTIMIZER = "optimizer";
    /** The patcher of a person's own edits, which may clear their persona. */
    public static final String USER_EDIT = "user-edit";

    @Produces
    @Singleton
    PersonaSchema schema(PersonaModelConfig config) {
        return config.schemaFile().map(Path::of).map(PersonaSchema::read).orElseGet(PersonaSchema::defaultSchema);
    }

    @Produces
    @Singleton
    @Named(OPTIMIZER)
    PersonaPatcher optimizerPatcher(PersonaSchema schema, PersonaModelConfig config) {
        return new PersonaPatcher(new PersonaValidator(schema, optimizerLimits(config)), false);
    }

    @Produces
    @Singleton
    @Named(USER_EDIT)
    PersonaPatcher userEditPatcher(PersonaSchema schema, PersonaModelConfig config) {
        PersonaLimits limits = limits(config.userEdit(), PersonaLimits.userEditDefaults());
        return new PersonaPatcher(new PersonaValidator(schema, limits), true);
    }

    @Produces
    @Singleton
    ConversationLimits conversationLimits(PersonaModelConfig config) {
        ConversationLimits defaults = ConversationLimits.defaults();
        return new ConversationLimits(
                config.conversations().maxMessagesPerSession().orElse(defaults.maxMessagesPerSession()),
                config.conversations().maxMessageChars().orElse(defaults.maxMessageChars()));
    }

    @Produces
    @Singleton
    PersonaRenderer renderer(PersonaSchema schema) {
        return new PersonaRenderer(schema);
    }

    @Produces
    @Singleton
    SensitiveDataPolicy sensitiveDataPolicy(PersonaModelConfig config) {
        SensitiveDataPolicy defaults = SensitiveDataPolicy.defaults();
        return config.sensitiveData().specialCategories().map(defaults::withSpecialCategories).orElse(defaults);
    }

    @Produces
    @Singleton
    SensitiveDataDetector sensitiveDataDetector(SensitiveDataPolicy policy) {
        return new SensitiveDataDetector(policy);
    }

    /** What this service's configuration makes of the parts session-service enforces. */
    @Produces
    @Singleton
    PersonaModelFingerprint fingerprint(PersonaSchema schema, PersonaModelConfig config, SensitiveDataPolicy policy,
            ConversationLimits conversationLimits) {
        return PersonaModelFingerprint.of(schema, optimizerLimits(config),
                policy.enabled().stream().map(SensitiveCategory::name).toList(), conversationLimits);
    }

    private static PersonaLimits optimizerLimits(PersonaModelConfig config) {
        return limits(config.optimizer(), PersonaLimits.defaults());
    }

    private static PersonaLimits limits(PersonaModelConfig.Limits set, PersonaLimits defaults) {
        return new PersonaLimits(set.maxValueChars().orElse(defaults.maxValueChars()),
                set.maxListItems().orElse(defaults.maxListItems()),
                set.maxOperations().orElse(defaults.maxOperations()),
                set.maxRemovals().orElse(defaults.maxRemovals()),
                set.maxPersonaTokens().orElse(defaults.maxPersonaTokens()));
    }
}
