package ai.persona.benchmark.phase;

import org.HdrHistogram.Histogram;

/** p50/p95/p99/max in milliseconds, from a histogram of microseconds. */
public record Percentiles(long count, double p50, double p95, double p99, double max) {

    public static Percentiles of(Histogram micros) {
        return new Percentiles(micros.getTotalCount(), ms(micros.getValueAtPercentile(50)),
                ms(micros.getValueAtPercentile(95)), ms(micros.getValueAtPercentile(99)), ms(micros.getMaxValue()));
    }

    /** The same percentiles less a fixed time: the simulated model's own, known exactly. */
    public Percentiles minus(double millis) {
        return new Percentiles(count, p50 - millis, p95 - millis, p99 - millis, max - millis);
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }
}
