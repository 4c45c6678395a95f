package ai.persona.benchgen.llm;

/**
 * The pipeline's stages that call a model, each with its own endpoint options ({@code --<name>-base-url}...). The
 * first stage, seeds, reads a file and calls none.
 *
 * @param temperature the authors' generation code samples at 0.8-0.9; the filter is a verdict, so deterministic
 */
public enum Stage {
    PERSONA("persona", 0.9),
    SCENE("scene", 0.8),
    QUERY("query", 0.8),
    FILTER("filter", 0.0);

    private final String optionName;
    private final double temperature;

    Stage(String optionName, double temperature) {
        this.optionName = optionName;
        this.temperature = temperature;
    }

    public String optionName() {
        return optionName;
    }

    public double temperature() {
        return temperature;
    }
}
