package ai.persona.benchmark.phase;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the gateway adds to a turn's p99, measured rather than assumed: a gateway variant's raw p99 less the raw p99 of
 * the same load sent straight to the simulator in the same run, at the same level. Overhead subtracts the configured
 * model time only, so it also carries what this client and machine cost at that load; the difference to {@code direct}
 * does not. Streams are set beside the streamed baseline (time to first token), whole replies beside the whole one.
 */
public record AddedP99(String variant, int sessions, double gatewayRawP99, double directRawP99, double addedP99) {

    public static List<AddedP99> of(List<OverheadPhase.Row> rows) {
        List<AddedP99> added = new ArrayList<>();
        for (OverheadPhase.Row row : rows) {
            if (row.variant().startsWith("direct")) {
                continue;
            }
            String baseline = baselineOf(row.variant());
            rows.stream().filter(r -> r.variant().equals(baseline) && r.sessions() == row.sessions()).findFirst()
                    .ifPresent(direct -> added.add(new AddedP99(row.variant(), row.sessions(), row.raw().p99(),
                            direct.raw().p99(), difference(row.raw().p99(), direct.raw().p99()))));
        }
        return added;
    }

    /** The added p99 of one gateway variant at one level, if its baseline was measured. */
    public static Optional<AddedP99> find(List<AddedP99> added, String variant, int sessions) {
        return added.stream().filter(a -> a.variant().equals(variant) && a.sessions() == sessions).findFirst();
    }

    static String baselineOf(String variant) {
        return variant.endsWith("stream") ? "direct-stream" : "direct";
    }

    // the percentiles are whole microseconds read as milliseconds: subtracting the microseconds keeps the result exact
    static double difference(double gatewayMillis, double directMillis) {
        return (Math.round(gatewayMillis * 1000) - Math.round(directMillis * 1000)) / 1000.0;
    }
}
