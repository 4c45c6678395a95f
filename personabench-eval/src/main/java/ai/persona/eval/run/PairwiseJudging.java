package ai.persona.eval.run;

import java.util.List;

import ai.persona.personabench.BenchPersona;
import ai.persona.personabench.Scene;
import ai.persona.eval.config.EvalPlan;
import ai.persona.eval.config.Setting;
import ai.persona.eval.llm.Roles;
import ai.persona.eval.llm.Usage;
import ai.persona.eval.llm.Verdicts.Verdict;
import ai.persona.eval.llm.Verdicts.Winner;

/**
 * The paper's win rate: for each scene that both a learner and the golden cohort finished, the judge picks the better
 * first reply. The learner's reply is shown first in every other pair, so a judge's taste for position cancels out.
 */
public final class PairwiseJudging {

    private final EvalPlan plan;
    private final Roles roles;
    private final ResultStore store;

    public PairwiseJudging(EvalPlan plan, Roles roles, ResultStore store) {
        this.plan = plan;
        this.roles = roles;
        this.store = store;
    }

    public void judgeMissingPairs() {
        if (plan.settings().stream().noneMatch(s -> s.kind() == Setting.Kind.GOLDEN)) {
            return;
        }
        for (int index = 0; index < plan.personas().size(); index++) {
            BenchPersona persona = plan.personas().get(index);
            List<Scene> scenes = plan.scenesOf(persona);
            for (Setting learner : plan.settings().stream().filter(Setting::learns).toList()) {
                for (int number = 1; number <= scenes.size(); number++) {
                    judge(index, persona, scenes.get(number - 1), learner, number);
                }
            }
        }
    }

    private void judge(int index, BenchPersona persona, Scene scene, Setting learner, int number) {
        CellResult learned = store.cell(new CellKey(index, persona.name(), learner.id(), number));
        CellResult golden = store.cell(new CellKey(index, persona.name(), "golden", number));
        if (learned == null || golden == null || store.pair(index, learner.id(), number) != null) {
            return;
        }
        boolean learningFirst = (index + number) % 2 == 0;
        String a = learningFirst ? learned.conversation().firstReply() : golden.conversation().firstReply();
        String b = learningFirst ? golden.conversation().firstReply() : learned.conversation().firstReply();
        Verdict<Winner> verdict = roles.judgePair(persona.golden(), scene, learned.conversation().query(),
                a, b);
        String winner = verdict.value().map(v -> switch (v) {
            case TIE -> "tie";
            case A -> learningFirst ? "learning" : "golden";
            case B -> learningFirst ? "golden" : "learning";
        }).orElse(null);
        store.save(new PairVerdict(index, persona.name(), learner.id(), number, winner, learningFirst,
                verdict.usage()));
    }
}
