package ai.persona.benchmark.report;

import java.util.List;
import java.util.Map;

import ai.persona.benchmark.phase.AddedP99;
import ai.persona.benchmark.phase.ContextPhase;
import ai.persona.benchmark.phase.FootprintSampler;
import ai.persona.benchmark.phase.OverheadPhase;
import ai.persona.benchmark.phase.PipelinePhase;
import ai.persona.benchmark.phase.UpkeepPhase;

/**
 * Everything one run measured, with the machine and the settings it ran with: {@code benchmark.json}.
 *
 * @param upkeep P2 with the short scripted sessions
 * @param upkeepScenes P2 with PersonaBench scenes replayed; null when skipped
 * @param upkeepScenesSkipped why it was skipped (no data), else null
 */
public record BenchmarkResult(Map<String, Object> machine, Map<String, Object> settings,
        List<OverheadPhase.Row> overhead, List<AddedP99> addedP99, UpkeepPhase.Result upkeep,
        UpkeepPhase.Result upkeepScenes, String upkeepScenesSkipped, List<ContextPhase.Point> context,
        PipelinePhase.Result pipeline, List<FootprintSampler.Footprint> footprint, double wallSeconds) {
}
