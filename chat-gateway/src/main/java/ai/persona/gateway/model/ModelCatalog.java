package ai.persona.gateway.model;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import ai.persona.gateway.service.GatewayException;

/** The models clients may ask for: the configured chat model, or the list in gateway.llm.models (first is the default). */
@ApplicationScoped
public class ModelCatalog {

    private final List<String> models;

    public ModelCatalog(ModelConfig config) {
        this.models = config.models()
                .filter(list -> !list.isEmpty())
                .orElse(List.of(config.modelName()));
    }

    public List<String> models() {
        return models;
    }

    public String defaultModel() {
        return models.get(0);
    }

    /** The model a client asked for, if offered; OpenAI answers an unknown model with 404 model_not_found too. */
    public String resolve(String requested) {
        if (requested == null || requested.isBlank()) {
            throw GatewayException.badRequest("\"model\" is required; GET /v1/models lists them");
        }
        if (!models.contains(requested)) {
            throw GatewayException.notFound("model_not_found", "the model " + requested
                    + " does not exist here; GET /v1/models lists the ones offered");
        }
        return requested;
    }
}
