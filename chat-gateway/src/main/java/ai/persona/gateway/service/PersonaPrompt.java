package ai.persona.gateway.service;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import ai.persona.gateway.config.GatewayConfig;
import ai.persona.model.PersonaRenderer;
import ai.persona.model.RenderedPersona;
import io.quarkus.logging.Log;

/** The system message a persona becomes: the configured preamble, then the persona within its token budget. */
@ApplicationScoped
public class PersonaPrompt {

    private final PersonaRenderer renderer;
    private final GatewayConfig.Persona config;

    public PersonaPrompt(PersonaRenderer renderer, GatewayConfig config) {
        this.renderer = renderer;
        this.config = config.persona();
    }

    /** Null for an empty persona: then the model gets no system message from the gateway at all. */
    public String render(JsonNode persona) {
        RenderedPersona rendered = renderer.render(persona, config.tokenBudget());
        if (rendered.isEmpty()) {
            return null;
        }
        if (!rendered.droppedPaths().isEmpty()) {
            Log.debugf("persona over its %d-token budget; left out %s", config.tokenBudget(), rendered.droppedPaths());
        }
        return config.preamble() + "\n\n" + rendered.text();
    }
}
