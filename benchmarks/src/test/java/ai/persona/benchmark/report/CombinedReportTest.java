package ai.persona.benchmark.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import ai.persona.model.PersonaJson;

class CombinedReportTest {

    private static JsonNode run(double addedP99, double callsPerSession, String skipped) throws Exception {
        String scenes = skipped == null ? ", \"upkeepScenes\": {\"callsPerSession\": 0.25, \"tokensPerSession\": 900}"
                : ", \"upkeepScenesSkipped\": \"" + skipped + "\"";
        return PersonaJson.mapper().readTree("{\"machine\": {\"cores\": 2}, \"wallSeconds\": 300,"
                + " \"addedP99\": [{\"variant\": \"native\", \"sessions\": 200, \"addedP99\": " + addedP99 + "}],"
                + " \"upkeep\": {\"callsPerSession\": " + callsPerSession + ", \"tokensPerSession\": 372}"
                + scenes + ", \"pipeline\": {\"cpuMillisPerSession\": {\"PostgreSQL\": \"NaN\"},"
                + " \"cpuMillisPerSessionTotal\": 19.0}}");
    }

    @Test
    void eachFigureIsTheMedianWithTheSpreadOfTheRunsThatMeasuredIt() throws Exception {
        String md = CombinedReport.render(List.of(Path.of("a"), Path.of("b"), Path.of("c")),
                List.of(run(25.4, 0.333, null), run(19.6, 0.3, "P2 (PersonaBench sessions): skipped, no data at /x"),
                        run(31.9, 0.4, null)));

        assertThat(md).contains("# Benchmark: median of 3 runs")
                .contains("| P1 native at 200: added p99 vs direct (ms) | 25.4 | 19.6 - 31.9 | 3 |")
                .contains("| P2 short sessions: optimizer calls per session | 0.333 | 0.300 - 0.400 | 3 |")
                .contains("| P2 personabench sessions: optimizer tokens per session | 900.0 | 900.0 - 900.0 | 2 |")
                .contains("| P4 CPU per session, PostgreSQL (ms) | n/a | n/a - n/a | 0 |")
                .contains("| P4 CPU per session, total (ms) | 19.0 | 19.0 - 19.0 | 3 |")
                .contains("P2 (PersonaBench sessions): skipped, no data at /x (in at least one run)");
    }
}
