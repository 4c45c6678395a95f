package ai.persona.eval.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

import ai.persona.eval.config.EvalPlan;
import ai.persona.eval.config.Setting;
import ai.persona.eval.llm.Usage;
import ai.persona.eval.run.CellResult;
import ai.persona.eval.run.FinalPersona;
import ai.persona.eval.run.PairVerdict;
import ai.persona.eval.run.ResultStore;

/**
 * The run's figures, computed from the results folder alone (so a report can be rebuilt at any time): Table 1's row
 * per setting, Fig. 3's utterances by scene number, Fig. 4's win rate by session group, and what was missing.
 */
public record Summary(List<Row> rows, Map<String, Map<Integer, Double>> utterancesByScene,
        Map<String, Map<Integer, Double>> similarityByUpdate, Map<String, Map<String, WinRate>> winRates,
        Map<String, Usage> usage, int cells, int plannedCells) {

    public static final List<String> GROUPS = List.of("1-10", "11-20", "21+");

    /**
     * @param similarity the learners' final personas against the golden ones, the paper's one figure: the judge's
     *        holistic score (paper protocol), or the mean of consistency and detail (strict)
     * @param firstReplyToolShare the share of first replies the assistant called a tool for
     * @param updates how the batches ended, by {@link ai.persona.eval.run.UpdateOutcome} label
     */
    public record Row(String setting, String label, int cells, Double helpfulness, Double personalization,
            Double utterances, double satisfiedRate, Double consistency, Double detail, Double similarity,
            int scoresMissing, int utterancesMissing, int similarityMissing, int updatesTimedOut,
            double firstReplyToolShare, Map<String, Integer> updates) {
    }

    /** Wins count 1, ties one half, over the pairs with a verdict; missing verdicts are counted, not scored. */
    public record WinRate(int pairs, int wins, int ties, int losses, int missing) {

        public Double rate() {
            int judged = wins + ties + losses;
            return judged == 0 ? null : (wins + ties / 2.0) / judged;
        }
    }

    public static Summary of(EvalPlan plan, ResultStore store) {
        List<CellResult> cells = store.cells();
        List<Row> rows = new ArrayList<>();
        Map<String, Map<Integer, Double>> byScene = new LinkedHashMap<>();
        Map<String, Map<Integer, Double>> byUpdate = new LinkedHashMap<>();
        Map<String, Usage> usage = new TreeMap<>();
        for (CellResult cell : cells) {
            cell.conversation().usage().forEach((role, spent) -> usage.merge(role, spent, Usage::plus));
            cell.judgeUsage().forEach((role, spent) -> usage.merge(role, spent, Usage::plus));
        }
        store.finalPersonas().forEach(p -> usage.merge("judge", p.usage(), Usage::plus));
        store.pairs().forEach(p -> usage.merge("judge", p.usage(), Usage::plus));
        for (Setting setting : plan.settings()) {
            List<CellResult> mine = cells.stream().filter(c -> c.key().setting().equals(setting.id())).toList();
            List<FinalPersona> finals = store.finalPersonas().stream()
                    .filter(p -> p.setting().equals(setting.id())).toList();
            Double consistency = mean(finals, p -> p.consistency() != null, p -> p.consistency());
            Double detail = mean(finals, p -> p.detail() != null, p -> p.detail());
            Map<String, Integer> updates = new TreeMap<>();
            mine.stream().filter(c -> c.updateOutcome() != null)
                    .forEach(c -> updates.merge(c.updateOutcome().label(), 1, Integer::sum));
            rows.add(new Row(setting.id(), setting.label(), mine.size(),
                    mean(mine, c -> c.helpfulness() != null, CellResult::helpfulness),
                    mean(mine, c -> c.personalization() != null, CellResult::personalization),
                    mean(mine, c -> c.conversation().utterances() != null, c -> c.conversation().utterances()),
                    mine.isEmpty() ? 0 : mine.stream().filter(c -> c.conversation().satisfied()).count()
                            / (double) mine.size(),
                    consistency, detail, mean(finals, p -> p.score() != null, FinalPersona::score),
                    (int) mine.stream().filter(CellResult::scoresMissing).count(),
                    (int) mine.stream().filter(c -> c.conversation().utterances() == null).count(),
                    (int) (mine.stream().filter(CellResult::similarityMissing).count()
                            + finals.stream().filter(FinalPersona::missing).count()),
                    (int) mine.stream().filter(CellResult::updateTimedOut).count(),
                    mine.isEmpty() ? 0 : mine.stream().filter(c -> c.conversation().firstReplyToolCalls() > 0).count()
                            / (double) mine.size(),
                    updates));
            Map<Integer, Double> scenes = new TreeMap<>();
            mine.stream().map(c -> c.key().sceneNumber()).distinct().forEach(number -> scenes.put(number,
                    mean(mine, c -> c.key().sceneNumber() == number && c.conversation().utterances() != null,
                            c -> c.conversation().utterances())));
            scenes.values().removeIf(Objects::isNull);
            byScene.put(setting.id(), scenes);
            if (setting.learns()) {
                byUpdate.put(setting.id(), similarityByUpdate(mine, setting.k()));
            }
        }
        return new Summary(rows, byScene, byUpdate, winRates(plan, store.pairs()), usage, cells.size(),
                plan.cellCount());
    }

    // the n-th update of a learner follows its session n * k
    private static Map<Integer, Double> similarityByUpdate(List<CellResult> cells, int k) {
        Map<Integer, Double> updates = new TreeMap<>();
        cells.stream().filter(c -> similarity(c) != null)
                .map(c -> c.key().sceneNumber() / k).distinct().forEach(n -> updates.put(n, mean(cells,
                        c -> similarity(c) != null && c.key().sceneNumber() / k == n, Summary::similarity)));
        return updates;
    }

    // the holistic score (paper), else the mean of consistency and detail (strict)
    private static Double similarity(CellResult cell) {
        if (cell.similarity() != null) {
            return cell.similarity().doubleValue();
        }
        return cell.consistency() == null || cell.detail() == null ? null
                : (cell.consistency() + cell.detail()) / 2.0;
    }

    static String group(int sceneNumber) {
        return sceneNumber <= 10 ? GROUPS.get(0) : sceneNumber <= 20 ? GROUPS.get(1) : GROUPS.get(2);
    }

    private static Map<String, Map<String, WinRate>> winRates(EvalPlan plan, List<PairVerdict> pairs) {
        Map<String, Map<String, WinRate>> rates = new LinkedHashMap<>();
        for (Setting learner : plan.settings().stream().filter(Setting::learns).toList()) {
            Map<String, WinRate> groups = new LinkedHashMap<>();
            for (String group : GROUPS) {
                List<PairVerdict> mine = pairs.stream()
                        .filter(p -> p.setting().equals(learner.id()) && group(p.sceneNumber()).equals(group))
                        .toList();
                if (!mine.isEmpty()) {
                    groups.put(group, new WinRate(mine.size(), count(mine, "learning"), count(mine, "tie"),
                            count(mine, "golden"), (int) mine.stream().filter(p -> p.winner() == null).count()));
                }
            }
            rates.put(learner.id(), groups);
        }
        return rates;
    }

    private static int count(List<PairVerdict> pairs, String winner) {
        return (int) pairs.stream().filter(p -> winner.equals(p.winner())).count();
    }

    private static <T> Double mean(List<T> items, Predicate<T> present, ToDoubleFunction<T> value) {
        OptionalDouble mean = items.stream().filter(present).mapToDouble(value).average();
        return mean.isPresent() ? mean.getAsDouble() : null;
    }
}
