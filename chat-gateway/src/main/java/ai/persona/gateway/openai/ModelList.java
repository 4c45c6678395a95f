package ai.persona.gateway.openai;

import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** GET /v1/models in OpenAI's shape. */
public record ModelList(String object, List<Model> data) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Model(String id, String object, long created, String ownedBy) {
    }
}
