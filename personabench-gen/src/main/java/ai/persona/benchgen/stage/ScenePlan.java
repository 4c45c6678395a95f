package ai.persona.benchgen.stage;

/**
 * How a persona's scenes split between common ones (adapted from the shared list) and specific ones: half and half,
 * the odd one common, as the released data has about as many of each (1,480 common, 1,245 specific).
 */
public record ScenePlan(int common, int specific) {

    public static ScenePlan of(int scenesPerPersona, int sharedScenes) {
        int common = Math.min((scenesPerPersona + 1) / 2, sharedScenes);
        return new ScenePlan(common, scenesPerPersona - common);
    }

    public int total() {
        return common + specific;
    }
}
