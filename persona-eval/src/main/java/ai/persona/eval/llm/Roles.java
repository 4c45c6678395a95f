package ai.persona.eval.llm;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import ai.persona.bench.ApiSpec;
import ai.persona.bench.Scene;
import ai.persona.eval.llm.Verdicts.Scores;
import ai.persona.eval.llm.Verdicts.Similarity;
import ai.persona.eval.llm.Verdicts.UserTurn;
import ai.persona.eval.llm.Verdicts.Verdict;
import ai.persona.eval.llm.Verdicts.Winner;

/** The three roles the paper's protocol needs besides the assistant under test, each with its own model. */
public final class Roles {

    private final RoleModel simulator;
    private final RoleModel toolExecutor;
    private final RoleModel judge;
    private final int retries;

    public Roles(RoleModel simulator, RoleModel toolExecutor, RoleModel judge, int retries) {
        this.simulator = simulator;
        this.toolExecutor = toolExecutor;
        this.judge = judge;
        this.retries = retries;
    }

    public Verdict<UserTurn> nextUserTurn(JsonNode golden, Scene scene, String transcript) {
        String system = Prompts.render("simulator-system", Map.of("persona", golden.toPrettyString(),
                "scene", sceneLine(scene), "description", orNone(scene.description()),
                "context", orNone(scene.context()), "expected", orNone(scene.expectedResponse())));
        String user = Prompts.render("simulator-user", Map.of("transcript", transcript));
        return Verdicts.ask(simulator, system, user, Verdicts::userTurn, retries);
    }

    /** What the scene's API returns for a call: free text by design, as a real API's body would be. */
    public Answer executeTool(Scene scene, String api, String arguments) {
        ApiSpec spec = scene.availableApis().get(api);
        String system = Prompts.render("tool-executor-system", Map.of("api", api,
                "description", spec == null ? "(not an API of this scene)" : orNone(spec.description()),
                "arguments", spec == null ? "-" : String.join(", ", spec.arguments()),
                "scene", sceneLine(scene), "context", orNone(scene.context())));
        return toolExecutor.ask(system, Prompts.render("tool-executor-user", Map.of("api", api,
                "call_arguments", arguments == null ? "{}" : arguments)));
    }

    public Verdict<Scores> judgeFirstReply(JsonNode golden, Scene scene, String query, String reply) {
        String user = Prompts.render("judge-first-reply-user", Map.of("persona", golden.toPrettyString(),
                "scene", sceneLine(scene), "context", orNone(scene.context()),
                "expected", orNone(scene.expectedResponse()), "query", query, "reply", reply));
        return Verdicts.ask(judge, Prompts.render("judge-first-reply-system", Map.of()), user, Verdicts::scores,
                retries);
    }

    public Verdict<Similarity> judgeSimilarity(JsonNode golden, JsonNode learned) {
        String user = Prompts.render("judge-similarity-user", Map.of("golden", golden.toPrettyString(),
                "learned", learned.toPrettyString()));
        return Verdicts.ask(judge, Prompts.render("judge-similarity-system", Map.of()), user, Verdicts::similarity,
                retries);
    }

    public Verdict<Winner> judgePair(JsonNode golden, Scene scene, String query, String replyA,
            String replyB) {
        String user = Prompts.render("judge-pairwise-user", Map.of("persona", golden.toPrettyString(),
                "scene", sceneLine(scene), "query", query, "reply_a", replyA, "reply_b", replyB));
        return Verdicts.ask(judge, Prompts.render("judge-pairwise-system", Map.of()), user, Verdicts::winner, retries);
    }

    public static String sceneLabel(Scene scene) {
        return sceneLine(scene);
    }

    static String sceneLine(Scene scene) {
        return scene.summary() == null || scene.summary().isBlank() ? scene.name()
                : scene.name() + ": " + scene.summary();
    }

    private static String orNone(String text) {
        return text == null || text.isBlank() ? "(none)" : text;
    }
}
