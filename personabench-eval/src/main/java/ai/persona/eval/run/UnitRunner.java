package ai.persona.eval.run;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import ai.persona.personabench.BenchPersona;
import ai.persona.personabench.Scene;
import ai.persona.eval.config.EvalPlan;
import ai.persona.eval.config.Setting;
import ai.persona.eval.llm.Roles;
import ai.persona.eval.llm.Usage;
import ai.persona.eval.llm.Verdicts.Similarity;
import ai.persona.eval.llm.Verdicts.Verdict;
import ai.persona.eval.stack.Deployment;
import ai.persona.eval.stack.Deployment.PersonaState;

/**
 * One user of one cohort: a persona in a setting, its scenes played in order as its sessions, skipping what a previous
 * run finished; a learner's persona is compared with the golden one once more at the end.
 */
public final class UnitRunner {

    private final EvalPlan plan;
    private final Deployment deployment;
    private final Function<String, String> tokens;
    private final SceneRunner scenes;
    private final CellJudge judge;
    private final Roles roles;
    private final ResultStore store;
    private final Progress progress;

    public UnitRunner(EvalPlan plan, Deployment deployment, Function<String, String> tokens, SceneRunner scenes,
            CellJudge judge, Roles roles, ResultStore store, Progress progress) {
        this.plan = plan;
        this.deployment = deployment;
        this.tokens = tokens;
        this.scenes = scenes;
        this.judge = judge;
        this.roles = roles;
        this.store = store;
        this.progress = progress;
    }

    public void run(int personaIndex, BenchPersona persona, Setting setting) {
        String userId = plan.userId(personaIndex, setting);
        String token = tokens.apply(userId);
        List<Scene> played = plan.scenesOf(persona);
        if (store.conversation(new CellKey(personaIndex, persona.name(), setting.id(), 1)) == null) {
            deployment.configure(userId, token, setting, persona.golden(), plan.protocol());
        }
        String model = deployment.assistantModel(token);
        for (int number = 1; number <= played.size(); number++) {
            CellKey key = new CellKey(personaIndex, persona.name(), setting.id(), number);
            if (store.cell(key) != null) {
                progress.skipped();
                continue;
            }
            Scene scene = played.get(number - 1);
            Conversation conversation = store.conversation(key);
            if (conversation == null) {
                conversation = scenes.play(key, userId, token, model, persona, scene);
                store.save(conversation);
            }
            store.save(judge.finish(conversation, persona, scene, setting, token));
            progress.finished(key);
        }
        if (setting.learns() && store.finalPersona(personaIndex, setting.id()) == null) {
            PersonaState state = deployment.persona(token);
            Verdict<Similarity> judged = roles.judgeSimilarity(persona.golden(), state.persona());
            Optional<Similarity> similarity = judged.value();
            store.save(new FinalPersona(personaIndex, persona.name(), setting.id(), state.version(), state.persona(),
                    similarity.map(Similarity::consistency).orElse(null),
                    similarity.map(Similarity::detail).orElse(null), similarity.isEmpty(), judged.usage(),
                    similarity.map(Similarity::holistic).orElse(null)));
        }
    }
}
