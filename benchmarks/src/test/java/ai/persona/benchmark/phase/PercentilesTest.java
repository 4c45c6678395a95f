package ai.persona.benchmark.phase;

import static org.assertj.core.api.Assertions.assertThat;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void percentilesAreReadInMillisecondsAndTheSimulatedTimeSubtracted() {
        Histogram micros = new Histogram(3);
        for (int i = 1; i <= 100; i++) {
            micros.recordValue(50_000 + i * 100L); // 50.1 .. 60.0 ms
        }
        Percentiles raw = Percentiles.of(micros);
        Percentiles overhead = raw.minus(50);

        assertThat(raw.count()).isEqualTo(100);
        assertThat(raw.p50()).isBetween(54.9, 55.1);
        assertThat(raw.p99()).isBetween(59.8, 60.0);
        assertThat(overhead.p50()).isEqualTo(raw.p50() - 50);
        assertThat(overhead.max()).isEqualTo(raw.max() - 50);
    }
}
