package ai.persona.benchgen.stage;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import ai.persona.benchgen.check.Language;
import ai.persona.benchgen.llm.Attempts;
import ai.persona.benchgen.llm.InvalidAnswer;
import ai.persona.benchgen.llm.Outcome;
import ai.persona.benchgen.llm.Prompt;
import ai.persona.benchgen.llm.StageModel;

/** Stage 4: the persona's first message in the scene, in character ({@code personalized_query}). */
public final class QueryStage {

    static final int MAX_CHARS = 1500;

    private final StageModel model;
    private final Attempts attempts;
    private final Prompt prompt = Prompt.load("query");
    private final Language language;

    public QueryStage(StageModel model, Attempts attempts, Language language) {
        this.model = model;
        this.attempts = attempts;
        this.language = language;
    }

    public Outcome run(ObjectNode persona, JsonNode scene) {
        return attempts.ask(model, text(persona, scene), this::parse);
    }

    public Prompt.Text text(ObjectNode persona, JsonNode scene) {
        return prompt.fill(Map.of("persona", Texts.json(persona), "scene_desc", scene.path("scene_desc").asText(),
                "scene_context", scene.path("scene_context").asText(), "language", language.name()));
    }

    public Prompt prompt() {
        return prompt;
    }

    private JsonNode parse(String answer) throws InvalidAnswer {
        String query = answer.strip();
        if (query.length() >= 2 && query.startsWith("\"") && query.endsWith("\"")) {
            query = query.substring(1, query.length() - 1).strip();
        }
        if (query.isEmpty()) {
            throw new InvalidAnswer("the personalized query is empty");
        }
        if (query.startsWith("{") || query.startsWith("<")) {
            throw new InvalidAnswer("the personalized query is markup, not a message");
        }
        if (query.length() > MAX_CHARS) {
            throw new InvalidAnswer("the personalized query is " + query.length() + " characters, over " + MAX_CHARS);
        }
        String wrongLanguage = language.problem("the personalized query", query);
        if (wrongLanguage != null) {
            throw new InvalidAnswer(wrongLanguage);
        }
        return TextNode.valueOf(query);
    }
}
