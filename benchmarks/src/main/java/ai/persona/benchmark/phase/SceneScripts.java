package ai.persona.benchmark.phase;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import ai.persona.personabench.BenchPersona;
import ai.persona.personabench.PersonaBenchReader;
import ai.persona.personabench.Scene;

/**
 * Sessions of realistic length for P2: user i replays the user side of one PersonaBench persona's scenes, one scene per
 * session, in the paper's order (common scenes first).
 * <p>
 * The data has one query per scene, not a recorded conversation: in the paper an LLM plays the user, opening with the
 * personalized query and answering the assistant from the scene's context. Without that LLM the replay says the same
 * things in a fixed order: the personalized query first (the neutralized one is the same request without the
 * personal background, so sending both would repeat it), then the context's sentences, in order, spread over at most
 * {@value #MAX_FOLLOW_UPS} follow-up messages (the description when a scene has no context). The context is written
 * about the user in the third person; the optimizer's cost depends on how much text it reads, which this keeps.
 */
public final class SceneScripts implements UpkeepPhase.Script {

    /** Median context: 5 sentences; three follow-ups give sessions of 2 to 4 user turns. */
    static final int MAX_FOLLOW_UPS = 3;
    private static final Pattern SENTENCES = Pattern.compile("(?<=[。！？!?；;])|\\R");

    private final List<BenchPersona> personas;

    SceneScripts(List<BenchPersona> personas) {
        this.personas = List.copyOf(personas);
    }

    /** {@code -Dpersonabench.dir}, else {@code PERSONABENCH_DIR}, else the folder beside the project root. */
    public static Path defaultDir(Path projectRoot) {
        String configured = System.getProperty(PersonaBenchReader.DIR_PROPERTY,
                System.getenv(PersonaBenchReader.DIR_ENV));
        // from the project root, not the working directory (the reader's own default): the data sits beside the project
        return configured != null && !configured.isBlank() ? Path.of(configured)
                : projectRoot.resolve("../shared/personabench/data");
    }

    /** The first {@code users} personas that have scenes, by name; empty when the folder holds no data. */
    public static Optional<SceneScripts> load(Path dataDir, int users) {
        PersonaBenchReader reader = new PersonaBenchReader(dataDir);
        if (!reader.isAvailable()) {
            return Optional.empty();
        }
        List<BenchPersona> personas = new ArrayList<>();
        for (String name : reader.personaNames()) {
            BenchPersona persona = reader.read(name);
            if (!persona.scenes().isEmpty()) {
                personas.add(persona);
            }
            if (personas.size() == users) {
                break;
            }
        }
        return personas.isEmpty() ? Optional.empty() : Optional.of(new SceneScripts(personas));
    }

    /** More users than personas, or sessions than scenes, wrap around. */
    @Override
    public List<String> userTurns(int user, int session) {
        List<Scene> scenes = personas.get(user % personas.size()).scenes();
        return userTurns(scenes.get(session % scenes.size()));
    }

    static List<String> userTurns(Scene scene) {
        List<String> turns = new ArrayList<>();
        turns.add(scene.personalizedQuery().isBlank() ? scene.neutralizedQuery() : scene.personalizedQuery());
        String said = scene.context().isBlank() ? scene.description() : scene.context();
        List<String> sentences = SENTENCES.splitAsStream(said).map(String::strip).filter(s -> !s.isEmpty()).toList();
        int groups = Math.min(MAX_FOLLOW_UPS, sentences.size());
        for (int g = 0; g < groups; g++) {
            // consecutive sentences, as evenly spread as they divide
            turns.add(String.join("", sentences.subList(g * sentences.size() / groups,
                    (g + 1) * sentences.size() / groups)));
        }
        turns.removeIf(String::isBlank);
        if (turns.isEmpty()) {
            turns.add(scene.name()); // a session needs a message to be a conversation at all
        }
        return turns;
    }
}
