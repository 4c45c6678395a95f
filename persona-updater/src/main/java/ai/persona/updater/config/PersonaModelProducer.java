package ai.persona.updater.config;

import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import ai.persona.model.PersonaLimits;
import ai.persona.model.PersonaPatcher;
import ai.persona.model.PersonaSchema;
import ai.persona.model.PersonaValidator;
import ai.persona.model.guard.SensitiveDataPolicy;

/** The shared persona model, configured with the limits the optimizer's patches are held to. */
@ApplicationScoped
public class PersonaModelProducer {

    @Produces
    @Singleton
    PersonaSchema schema(UpdaterConfig config) {
        return config.schemaFile().map(Path::of).map(PersonaSchema::read).orElseGet(PersonaSchema::defaultSchema);
    }

    @Produces
    @Singleton
    PersonaPatcher optimizerPatcher(PersonaSchema schema, UpdaterConfig config) {
        UpdaterConfig.Guardrails limits = config.guardrails();
        PersonaLimits personaLimits = new PersonaLimits(limits.maxValueChars(), limits.maxListItems(),
                limits.maxOperations(), limits.maxRemovals(), limits.maxPersonaTokens());
        // a model may never empty a persona: only a person may clear their own
        return new PersonaPatcher(new PersonaValidator(schema, personaLimits), false);
    }

    @Produces
    @Singleton
    SensitiveDataPolicy sensitiveDataPolicy(SensitiveDataConfig config) {
        SensitiveDataPolicy defaults = SensitiveDataPolicy.defaults();
        return config.specialCategories().map(defaults::withSpecialCategories).orElse(defaults);
    }
}
