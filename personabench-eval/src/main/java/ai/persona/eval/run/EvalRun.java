package ai.persona.eval.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import ai.persona.personabench.BenchPersona;
import ai.persona.eval.config.EvalPlan;
import ai.persona.eval.config.Setting;

/**
 * The whole run: every (persona, setting) user on a pool of workers, then the pairwise judgments. A user whose run
 * failed is reported and left for a rerun; the others go on.
 */
public final class EvalRun {

    private final EvalPlan plan;
    private final UnitRunner units;
    private final PairwiseJudging pairs;
    private final int concurrency;

    public EvalRun(EvalPlan plan, UnitRunner units, PairwiseJudging pairs, int concurrency) {
        this.plan = plan;
        this.units = units;
        this.pairs = pairs;
        this.concurrency = concurrency;
    }

    /** The users that failed, as "persona/setting: reason"; empty when all finished. */
    public List<String> run() throws InterruptedException {
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        List<Future<?>> running = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try {
            for (int index = 0; index < plan.personas().size(); index++) {
                BenchPersona persona = plan.personas().get(index);
                for (Setting setting : plan.settings()) {
                    int personaIndex = index;
                    running.add(workers.submit(() -> units.run(personaIndex, persona, setting)));
                    names.add(persona.name() + "/" + setting.id());
                }
            }
            List<String> failed = new ArrayList<>();
            for (int i = 0; i < running.size(); i++) {
                try {
                    running.get(i).get();
                } catch (ExecutionException e) {
                    failed.add(names.get(i) + ": " + e.getCause().getMessage());
                }
            }
            pairs.judgeMissingPairs();
            return failed;
        } finally {
            workers.shutdownNow();
        }
    }
}
