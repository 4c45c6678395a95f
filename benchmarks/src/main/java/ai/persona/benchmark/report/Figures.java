package ai.persona.benchmark.report;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The headline figures of one {@code benchmark.json}, by name, for combining runs. Read from the JSON tree, not the
 * records, so that a run written before a figure existed still combines (the figure is then missing from it).
 */
final class Figures {

    private Figures() {
    }

    static Map<String, Double> of(JsonNode run) {
        Map<String, Double> figures = new LinkedHashMap<>();
        for (JsonNode row : run.path("overhead")) {
            String cell = "P1 " + row.path("variant").asText() + " at " + row.path("sessions").asInt() + ": ";
            for (String p : new String[] { "p50", "p95", "p99" }) {
                put(figures, cell + "overhead " + p + " (ms)", row.path("overhead").path(p));
            }
        }
        for (JsonNode added : run.path("addedP99")) {
            put(figures, "P1 " + added.path("variant").asText() + " at " + added.path("sessions").asInt()
                    + ": added p99 vs direct (ms)", added.path("addedP99"));
        }
        for (String variant : new String[] { "upkeep", "upkeepScenes" }) {
            JsonNode upkeep = run.path(variant);
            String kind = "P2 " + (variant.equals("upkeep") ? "short" : "personabench") + " sessions";
            put(figures, kind + ": optimizer calls per session", upkeep.path("callsPerSession"));
            put(figures, kind + ": optimizer tokens per session", upkeep.path("tokensPerSession"));
        }
        for (JsonNode point : run.path("context")) {
            put(figures, "P3 context tokens, " + point.path("pastSessions").asInt() + " past sessions",
                    point.path("contextTokens"));
        }
        JsonNode pipeline = run.path("pipeline");
        put(figures, "P4 sessions/s (to last version)", pipeline.path("sessionsPerSecond"));
        put(figures, "P4 sessions ended/s", pipeline.path("endedPerSecond"));
        put(figures, "P4 batch full -> version p50 (ms)", pipeline.path("batchToVersion").path("p50"));
        put(figures, "P4 batch full -> version p99 (ms)", pipeline.path("batchToVersion").path("p99"));
        pipeline.path("cpuMillisPerSession").properties().forEach(process -> put(figures,
                "P4 CPU per session, " + process.getKey() + " (ms)", process.getValue()));
        put(figures, "P4 CPU per session, total (ms)", pipeline.path("cpuMillisPerSessionTotal"));
        for (JsonNode service : run.path("footprint")) {
            String name = "P5 " + service.path("service").asText();
            put(figures, name + ": start to ready (ms)", service.path("startMillis"));
            put(figures, name + ": RSS at rest (MiB)", service.path("rssAtRestMib"));
            put(figures, name + ": RSS under load (MiB)", service.path("rssUnderLoadMib"));
        }
        return figures;
    }

    // a figure the run did not measure is absent, not zero: a zero would pull the median
    private static void put(Map<String, Double> figures, String name, JsonNode value) {
        if (value.isNumber() || value.isTextual()) {
            figures.put(name, value.asDouble(Double.NaN));
        }
    }
}
