package ai.persona.gateway.responses;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import ai.persona.gateway.model.ModelCatalog;
import ai.persona.gateway.openai.ModelList;
import io.quarkus.security.Authenticated;

/**
 * GET /v1/models/{id}: one model of GET /v1/models, which SDKs call to check a model before using it. Model ids of
 * OpenAI-compatible servers may hold slashes (org/name), hence the pattern.
 */
@Path("/v1/models/{id: .+}")
@Authenticated
public class ModelResource {

    private final ModelCatalog models;

    public ModelResource(ModelCatalog models) {
        this.models = models;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ModelList.Model model(@PathParam("id") String id) {
        if (!models.models().contains(id)) {
            throw new InvalidResponsesRequest(404, "model_not_found", "model",
                    "The model '" + id + "' does not exist here; GET /v1/models lists the ones offered");
        }
        return new ModelList.Model(id, "model", 0, "ai-persona");
    }
}
