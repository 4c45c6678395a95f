package ai.persona.benchmark.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import ai.persona.model.PersonaJson;

/**
 * Several runs as one table: each figure's median with the lowest and highest run beside it. Each run is a separate
 * {@code benchmarks} invocation, so each starts its own fresh stack; this only reads what they wrote.
 */
public final class CombinedReport {

    private CombinedReport() {
    }

    /** @param runs results folders (holding {@code benchmark.json}) or the JSON files themselves */
    public static String render(List<Path> runs) throws IOException {
        List<JsonNode> results = new ArrayList<>();
        for (Path run : runs) {
            Path json = Files.isDirectory(run) ? run.resolve("benchmark.json") : run;
            results.add(PersonaJson.mapper().readTree(json.toFile()));
        }
        return render(runs, results);
    }

    static String render(List<Path> runs, List<JsonNode> results) {
        Map<String, List<Double>> byFigure = new LinkedHashMap<>();
        for (JsonNode result : results) {
            Figures.of(result).forEach((name, value) -> byFigure.computeIfAbsent(name, n -> new ArrayList<>())
                    .add(value));
        }
        StringBuilder md = new StringBuilder("# Benchmark: median of ").append(runs.size()).append(" runs\n\n");
        md.append("Each figure is the median of the runs, with the lowest and the highest run as its spread. ")
                .append("Runs:\n\n");
        for (int i = 0; i < runs.size(); i++) {
            JsonNode result = results.get(i);
            md.append(String.format(Locale.ROOT, "- `%s`: %s, wall time %.0f s%n", runs.get(i),
                    result.path("machine"), result.path("wallSeconds").asDouble()));
        }
        JsonNode skipped = results.stream().map(r -> r.path("upkeepScenesSkipped")).filter(JsonNode::isTextual)
                .findFirst().orElse(null);
        if (skipped != null) {
            md.append("\n").append(skipped.asText()).append(" (in at least one run)\n");
        }
        md.append("\n| Figure | Median | Min - max | Runs |\n|---|---|---|---|\n");
        byFigure.forEach((name, values) -> {
            Spread spread = Spread.of(values);
            md.append("| ").append(name).append(" | ").append(number(spread.median())).append(" | ")
                    .append(number(spread.min())).append(" - ").append(number(spread.max())).append(" | ")
                    .append(spread.runs()).append(" |\n");
        });
        return md.toString();
    }

    // calls per session are fractions near 0.333; everything else reads well to a tenth
    private static String number(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, Math.abs(value) < 1 && value != 0 ? "%.3f" : "%.1f", value);
    }
}
