package ai.persona.benchmark.report;

import java.util.List;

/**
 * One figure over several runs: the median, and the lowest and highest run as the spread. The median, not the mean or
 * the best run: on a shared machine one disturbed run should neither pull the figure nor be hidden by a lucky one.
 *
 * @param runs how many runs measured it (a figure a run did not measure, or could not read, is left out)
 */
public record Spread(double median, double min, double max, int runs) {

    public static Spread of(List<Double> values) {
        double[] sorted = values.stream().filter(v -> v != null && !v.isNaN()).mapToDouble(Double::doubleValue)
                .sorted().toArray();
        int n = sorted.length;
        if (n == 0) {
            return new Spread(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new Spread(median, sorted[0], sorted[n - 1], n);
    }
}
