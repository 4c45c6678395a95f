package ai.persona.eval.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import ai.persona.personabench.BenchPersona;
import ai.persona.personabench.Scene;

/**
 * What one run evaluates and how: the personas and scenes chosen, the settings, and the limits of a conversation.
 *
 * @param runId names the run's users; a rerun into the same results folder keeps it, and with it the users' state
 */
public record EvalPlan(String runId, List<BenchPersona> personas, int scenesPerPersona, List<Setting> settings,
        int maxTurns, int maxToolRounds, int verdictRetries, Duration updateTimeout, Path out, Protocol protocol) {

    public EvalPlan {
        personas = List.copyOf(personas);
        settings = List.copyOf(settings);
    }

    public List<Scene> scenesOf(BenchPersona persona) {
        List<Scene> all = persona.scenes();
        return all.subList(0, Math.min(scenesPerPersona, all.size()));
    }

    public String scenesDescription() {
        int scenes = personas.stream().mapToInt(p -> scenesOf(p).size()).sum();
        return scenes + " scenes" + (scenesPerPersona == Integer.MAX_VALUE ? " (all)" : " (first " + scenesPerPersona
                + " per persona)");
    }

    public int cellCount() {
        return personas.stream().mapToInt(p -> scenesOf(p).size()).sum() * settings.size();
    }

    /** The user a (persona, setting) pair becomes in the deployment; stable across reruns of the run. */
    public String userId(int personaIndex, Setting setting) {
        return "eval-" + runId + "-" + setting.id() + "-p" + personaIndex;
    }
}
