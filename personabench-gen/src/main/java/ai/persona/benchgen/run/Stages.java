package ai.persona.benchgen.run;

import ai.persona.benchgen.stage.FilterStage;
import ai.persona.benchgen.stage.PersonaStage;
import ai.persona.benchgen.stage.QueryStage;
import ai.persona.benchgen.stage.ScenePlan;
import ai.persona.benchgen.stage.SceneStage;

/** The four stages that call a model, and how many personas and scenes a run makes. */
public record Stages(PersonaStage persona, SceneStage scene, QueryStage query, FilterStage filter, int personas,
        ScenePlan plan) {

    /** Units per persona: itself, its outline, and a detail, a query and a filter per scene. */
    public int unitsPerPersona() {
        return 2 + 3 * plan.total();
    }
}
