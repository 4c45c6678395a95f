package ai.persona.gateway.config;

import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import ai.persona.model.PersonaRenderer;
import ai.persona.model.PersonaSchema;

/** The persona schema (configuration, the paper's by default) and the renderer that fits a persona into its budget. */
@ApplicationScoped
public class PersonaModelProducer {

    @Produces
    @Singleton
    PersonaSchema schema(GatewayConfig config) {
        return config.persona().schemaFile()
                .map(Path::of)
                .map(PersonaSchema::read)
                .orElseGet(PersonaSchema::defaultSchema);
    }

    @Produces
    @Singleton
    PersonaRenderer renderer(PersonaSchema schema) {
        return new PersonaRenderer(schema);
    }
}
