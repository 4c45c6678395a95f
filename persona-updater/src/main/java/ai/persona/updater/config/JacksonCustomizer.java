package ai.persona.updater.config;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import ai.persona.model.PersonaJson;
import io.quarkus.jackson.ObjectMapperCustomizer;

/** Events are read and written with the settings of the shared contract: ISO-8601 instants, unknown properties ignored. */
@Singleton
public class JacksonCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        PersonaJson.configure(mapper);
    }
}
