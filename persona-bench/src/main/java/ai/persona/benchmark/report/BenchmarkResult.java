package ai.persona.benchmark.report;

import java.util.List;
import java.util.Map;

import ai.persona.benchmark.phase.ContextPhase;
import ai.persona.benchmark.phase.FootprintSampler;
import ai.persona.benchmark.phase.OverheadPhase;
import ai.persona.benchmark.phase.PipelinePhase;
import ai.persona.benchmark.phase.UpkeepPhase;

/** Everything one run measured, with the machine and the settings it ran with: {@code benchmark.json}. */
public record BenchmarkResult(Map<String, Object> machine, Map<String, Object> settings,
        List<OverheadPhase.Row> overhead, UpkeepPhase.Result upkeep, List<ContextPhase.Point> context,
        PipelinePhase.Result pipeline, List<FootprintSampler.Footprint> footprint, double wallSeconds) {
}
