package ai.persona.benchgen.stage;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.persona.benchgen.check.JsonAnswers;
import ai.persona.benchgen.check.Language;
import ai.persona.benchgen.llm.Attempts;
import ai.persona.benchgen.llm.InvalidAnswer;
import ai.persona.benchgen.llm.Outcome;
import ai.persona.benchgen.llm.Prompt;
import ai.persona.benchgen.llm.StageModel;
import ai.persona.model.PersonaJson;

/**
 * Stage 5: an LLM check that keeps or drops the scene, with its reason, and the {@code neutralized_query} of a kept one.
 * A "drop" verdict is a finding, not a malformed answer: it is recorded as filtered, with the model's reason.
 */
public final class FilterStage {

    public static final String KEEP = "keep";
    public static final String DROP = "drop";

    private final StageModel model;
    private final Attempts attempts;
    private final Prompt prompt = Prompt.load("filter");
    private final Language language;

    public FilterStage(StageModel model, Attempts attempts, Language language) {
        this.model = model;
        this.attempts = attempts;
        this.language = language;
    }

    public Outcome run(ObjectNode persona, JsonNode scene, String personalizedQuery) {
        return attempts.ask(model, text(persona, scene, personalizedQuery), this::parse);
    }

    public Prompt.Text text(ObjectNode persona, JsonNode scene, String personalizedQuery) {
        return prompt.fill(Map.of("persona", Texts.json(persona), "scene", Texts.json(scene),
                "personalized_query", personalizedQuery, "language", language.name()));
    }

    public Prompt prompt() {
        return prompt;
    }

    private JsonNode parse(String answer) throws InvalidAnswer {
        ObjectNode raw = JsonAnswers.object(answer);
        String verdict = JsonAnswers.requiredText(raw, "verdict", "the filter's verdict");
        if (!verdict.equals(KEEP) && !verdict.equals(DROP)) {
            throw new InvalidAnswer("the filter's verdict is '" + verdict + "', not keep or drop");
        }
        ObjectNode result = PersonaJson.mapper().createObjectNode()
                .put("verdict", verdict)
                .put("reason", JsonAnswers.requiredText(raw, "reason", "the filter's verdict"));
        if (verdict.equals(KEEP)) {
            String neutralized = JsonAnswers.requiredText(raw, "neutralized_query", "a kept scene's verdict");
            String wrongLanguage = language.problem("the neutralized query", neutralized);
            if (wrongLanguage != null) {
                throw new InvalidAnswer(wrongLanguage);
            }
            result.put("neutralized_query", neutralized);
        }
        return result;
    }
}
