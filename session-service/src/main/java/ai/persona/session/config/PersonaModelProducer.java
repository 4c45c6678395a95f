package ai.persona.session.config;

import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import ai.persona.model.PersonaLimits;
import ai.persona.model.PersonaPatcher;
import ai.persona.model.PersonaSchema;
import ai.persona.model.PersonaValidator;
import ai.persona.model.guard.SensitiveDataDetector;
import ai.persona.model.guard.SensitiveDataPolicy;

@ApplicationScoped
public class PersonaModelProducer {

    public static final String OPTIMIZER = "optimizer";
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
        return new PersonaPatcher(new PersonaValidator(schema, limits(config.optimizer())), false);
    }

    @Produces
    @Singleton
    @Named(USER_EDIT)
    PersonaPatcher userEditPatcher(PersonaSchema schema, PersonaModelConfig config) {
        PersonaModelConfig.Limits edit = config.userEdit();
        return new PersonaPatcher(new PersonaValidator(schema, limits(edit)), true);
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

    private static PersonaLimits limits(PersonaModelConfig.Limits limits) {
        return new PersonaLimits(limits.maxValueChars(), limits.maxListItems(), limits.maxOperations(),
                limits.maxRemovals(), limits.maxPersonaTokens());
    }
}
