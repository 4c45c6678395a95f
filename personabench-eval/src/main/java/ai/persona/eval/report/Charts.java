package ai.persona.eval.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/** The paper's Fig. 3 (utterances by scene number, per setting) and Fig. 4 (win rate by session group) as PNG. */
public final class Charts {

    public static final String UTTERANCES = "utterances-by-scene.png";
    public static final String WIN_RATE = "win-rate-by-group.png";

    private Charts() {
    }

    public static void write(Summary summary, Path folder) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYChart utterances = new XYChartBuilder().width(900).height(500)
                .title("Utterances until satisfied, by scene").xAxisTitle("Scene (session) number")
                .yAxisTitle("Utterances").build();
        for (Map.Entry<String, Map<Integer, Double>> setting : summary.utterancesByScene().entrySet()) {
            if (!setting.getValue().isEmpty()) {
                utterances.addSeries(setting.getKey(), new ArrayList<>(setting.getValue().keySet()),
                        new ArrayList<>(setting.getValue().values()));
            }
        }
        if (utterances.getSeriesMap().isEmpty()) {
            utterances.addSeries("no cells yet", new double[] { 0 }, new double[] { 0 });
        }
        BitmapEncoder.saveBitmap(utterances, folder.resolve(UTTERANCES).toString(), BitmapEncoder.BitmapFormat.PNG);

        CategoryChart wins = new CategoryChartBuilder().width(900).height(500)
                .title("Win rate of Persona Learning against Golden Persona").xAxisTitle("Session group")
                .yAxisTitle("Win rate (ties count one half)").build();
        wins.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        for (Map.Entry<String, Map<String, Summary.WinRate>> learner : summary.winRates().entrySet()) {
            List<String> groups = new ArrayList<>();
            List<Double> rates = new ArrayList<>();
            learner.getValue().forEach((group, rate) -> {
                if (rate.rate() != null) {
                    groups.add(group);
                    rates.add(rate.rate());
                }
            });
            if (!groups.isEmpty()) {
                wins.addSeries(learner.getKey(), groups, rates);
            }
        }
        if (wins.getSeriesMap().isEmpty()) {
            wins.addSeries("no pairs yet", List.of(Summary.GROUPS.get(0)), List.of(0.0));
        }
        BitmapEncoder.saveBitmap(wins, folder.resolve(WIN_RATE).toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}
