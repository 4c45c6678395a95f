package ai.persona.benchmark.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

import ai.persona.benchmark.phase.ContextPhase;
import ai.persona.benchmark.phase.OverheadPhase;

/** Overhead percentiles against concurrency, and context tokens against past sessions (ours and full history). */
public final class Plots {

    private Plots() {
    }

    public static void write(BenchmarkResult result, Path folder) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYChart overhead = new XYChartBuilder().width(900).height(500).title("Overhead per chat turn")
                .xAxisTitle("Concurrent sessions").yAxisTitle("Overhead (ms)").build();
        overhead.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        for (String variant : List.of("native", "openai", "openai-stream")) {
            List<OverheadPhase.Row> rows = result.overhead().stream().filter(r -> r.variant().equals(variant))
                    .toList();
            if (rows.isEmpty()) {
                continue;
            }
            List<Integer> levels = rows.stream().map(OverheadPhase.Row::sessions).toList();
            overhead.addSeries(variant + " p50", levels, rows.stream().map(r -> r.overhead().p50()).toList());
            overhead.addSeries(variant + " p99", levels, rows.stream().map(r -> r.overhead().p99()).toList());
        }
        BitmapEncoder.saveBitmap(overhead, folder.resolve("overhead-by-concurrency.png").toString(),
                BitmapEncoder.BitmapFormat.PNG);

        if (result.context().isEmpty()) {
            return;
        }
        XYChart context = new XYChartBuilder().width(900).height(500).title("Personalization context per request")
                .xAxisTitle("Past sessions").yAxisTitle("Tokens").build();
        context.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true)
                .setLegendPosition(Styler.LegendPosition.InsideNW);
        List<Integer> sessions = result.context().stream().map(ContextPhase.Point::pastSessions).toList();
        context.addSeries("AI Persona (system message)", sessions,
                result.context().stream().map(p -> Math.max(1, p.contextTokens())).toList());
        context.addSeries("full history replayed", sessions,
                result.context().stream().map(ContextPhase.Point::fullHistoryTokens).toList());
        BitmapEncoder.saveBitmap(context, folder.resolve("context-by-sessions.png").toString(),
                BitmapEncoder.BitmapFormat.PNG);
    }
}
