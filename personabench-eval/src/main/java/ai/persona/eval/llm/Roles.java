package ai.persona.eval.llm;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import ai.persona.personabench.ApiSpec;
import ai.persona.personabench.Scene;
import ai.persona.eval.config.Protocol;
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
    private final Protocol protocol;

    public Roles(RoleModel simulator, RoleModel toolExecutor, RoleModel judge, int retries, Protocol protocol) {
        this.simulator = simulator;
        this.toolExecutor = toolExecutor;
        this.judge = judge;
        this.retries = retries;
        this.protocol = protocol;
    }

    /** The paper protocol's satisfaction check: the expected response is a reference, the decision the persona's. */
    public Verdict<Boolean> satisfied(JsonNode golden, Scene scene, String transcript) {
        String system = Prompts.render("simulator-satisfaction-system", Map.of("persona", golden.toPrettyString(),
                "scene", sceneLine(scene), "description", orNone(scene.description()),
                "expected", orNone(scene.expectedResponse())));
        return Verdicts.ask(simulator, system, Prompts.render("simulator-satisfaction-user",
                Map.of("transcript", transcript)), Verdicts::satisfaction, retries);
    }

    /** The paper protocol's follow-up writer: it never sees the expected response. */
    public Verdict<String> followUp(JsonNode golden, Scene scene, String transcript) {
        String system = Prompts.render("simulator-followup-system", Map.of("persona", golden.toPrettyString(),
                "scene", sceneLine(scene), "description", orNone(scene.description()),
                "context", orNone(scene.context())));
        return Verdicts.ask(simulator, system, Prompts.render("simulator-followup-user",
                Map.of("transcript", transcript)), Verdicts::followUp, retries);
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
        if (protocol.paper()) {
            return judgeFirstReplyAsPaper(golden, scene, query, reply);
        }
        String user = Prompts.render("judge-first-reply-user", Map.of("persona", golden.toPrettyString(),
                "scene", sceneLine(scene), "context", orNone(scene.context()),
                "expected", orNone(scene.expectedResponse()), "query", query, "reply", reply));
        return Verdicts.ask(judge, Prompts.render("judge-first-reply-system", Map.of()), user, Verdicts::scores,
                retries);
    }

    private Verdict<Scores> judgeFirstReplyAsPaper(JsonNode golden, Scene scene, String query, String reply) {
        String reference = protocol.judgeReference() == Protocol.JudgeReference.EXPECTED
                ? "Reference (an expected reply for this user in this scene; a guide, not a checklist): "
                        + orNone(scene.expectedResponse()) + "\n"
                : "";
        String user = Prompts.render("judge-first-reply-paper-user", Map.of("persona", golden.toPrettyString(),
                "scene", sceneLine(scene), "description", orNone(scene.description()),
                "context", orNone(scene.context()), "reference", reference, "query", query, "reply", reply));
        return Verdicts.ask(judge, Prompts.render("judge-first-reply-paper-system", Map.of()), user,
                Verdicts::scores, retries);
    }

    /** Paper: one holistic score with consistency and detail beside it; strict: consistency and detail only. */
    public Verdict<Similarity> judgeSimilarity(JsonNode golden, JsonNode learned) {
        String user = Prompts.render("judge-similarity-user", Map.of("golden", golden.toPrettyString(),
                "learned", learned.toPrettyString()));
        return protocol.paper()
                ? Verdicts.ask(judge, Prompts.render("judge-similarity-paper-system", Map.of()), user,
                        Verdicts::holisticSimilarity, retries)
                : Verdicts.ask(judge, Prompts.render("judge-similarity-system", Map.of()), user,
                        Verdicts::similarity, retries);
    }

    /** The paper's chatbot prompt for this scene: framing, scene description, API list. */
    public static String scenePrompt(Scene scene) {
        StringBuilder apis = new StringBuilder();
        scene.availableApis().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(api -> apis
                .append("- ").append(api.getKey()).append('(').append(String.join(", ", api.getValue().arguments()))
                .append("): ").append(orNone(api.getValue().description())).append('\n'));
        return Prompts.render("assistant-scene-system", Map.of("scene", orNone(scene.description()),
                "apis", apis.isEmpty() ? "(none)" : apis.toString().strip()));
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
