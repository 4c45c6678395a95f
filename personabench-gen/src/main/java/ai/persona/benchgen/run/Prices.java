package ai.persona.benchgen.run;

import java.util.Map;
import java.util.TreeMap;

import ai.persona.benchgen.llm.Usage;

/** Prices in US dollars per million input and output tokens ({@code --price-input}, {@code --price-output}). */
public record Prices(double inputPerMillion, double outputPerMillion) {

    public boolean given() {
        return inputPerMillion > 0 || outputPerMillion > 0;
    }

    public double cost(Usage usage) {
        return (usage.inputTokens() * inputPerMillion + usage.outputTokens() * outputPerMillion) / 1_000_000;
    }

    public Map<String, Double> costs(Map<String, Usage> byStage) {
        Map<String, Double> costs = new TreeMap<>();
        byStage.forEach((stage, usage) -> costs.put(stage, cost(usage)));
        return costs;
    }
}
