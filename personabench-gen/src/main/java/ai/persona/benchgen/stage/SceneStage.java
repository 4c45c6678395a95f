package ai.persona.benchgen.stage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.persona.benchgen.check.JsonAnswers;
import ai.persona.benchgen.check.Language;
import ai.persona.benchgen.input.CommonScene;
import ai.persona.benchgen.input.SceneCatalog;
import ai.persona.benchgen.llm.Attempts;
import ai.persona.benchgen.llm.InvalidAnswer;
import ai.persona.benchgen.llm.Outcome;
import ai.persona.benchgen.llm.Prompt;
import ai.persona.benchgen.llm.StageModel;
import ai.persona.model.PersonaJson;

/** Stage 3: a persona's scene outline (common scenes adapted, specific ones invented), then each scene in full. */
public final class SceneStage {

    private static final Pattern COLON = Pattern.compile("[:：]");

    private final StageModel model;
    private final Attempts attempts;
    private final Prompt outlinePrompt = Prompt.load("scene-outline");
    private final Prompt detailPrompt = Prompt.load("scene-detail");
    private final SceneCatalog catalog;
    private final Language language;
    private final ScenePlan plan;
    private final long seed;

    public SceneStage(StageModel model, Attempts attempts, SceneCatalog catalog, Language language, ScenePlan plan,
            long seed) {
        this.model = model;
        this.attempts = attempts;
        this.catalog = catalog;
        this.language = language;
        this.plan = plan;
        this.seed = seed;
    }

    public Outcome outline(int personaIndex, ObjectNode persona) {
        List<CommonScene> common = catalog.sample(plan.common(), new Random(Objects.hash(seed, "scenes", personaIndex)));
        return attempts.ask(model, outlineText(persona, common), answer -> {
            ObjectNode raw = JsonAnswers.object(answer);
            ObjectNode outline = PersonaJson.mapper().createObjectNode();
            ArrayNode commonIdeas = ideas(raw, "common", common.size(), outline);
            for (int i = 0; i < common.size(); i++) {
                ArrayNode hints = ((ObjectNode) commonIdeas.get(i)).putArray("capabilities");
                common.get(i).capabilities().forEach(hints::add);
            }
            ideas(raw, "specific", plan.specific(), outline);
            return outline;
        });
    }

    public Outcome detail(ObjectNode persona, JsonNode idea) {
        return attempts.ask(model, detailText(persona, idea), answer -> SceneChecks.detail(answer, language));
    }

    public Prompt.Text outlineText(ObjectNode persona, List<CommonScene> common) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < common.size(); i++) {
            lines.add("   " + (i + 1) + ". " + common.get(i).line());
        }
        return outlinePrompt.fill(Map.of("persona", Texts.json(persona), "common_count", String.valueOf(common.size()),
                "common_scenes", String.join("\n", lines), "specific_count", String.valueOf(plan.specific()),
                "language", language.name()));
    }

    public Prompt.Text detailText(ObjectNode persona, JsonNode idea) {
        List<String> hints = new ArrayList<>();
        idea.path("capabilities").forEach(capability -> hints.add(capability.asText()));
        return detailPrompt.fill(Map.of("persona_name", PersonaStage.name(persona), "persona", Texts.json(persona),
                "scene", idea.path("name").asText() + ": " + idea.path("summary").asText(),
                "capabilities", hints.isEmpty() ? "" : "Phone capabilities this scene may use: " + String.join(", ", hints),
                "language", language.name()));
    }

    public Prompt outlinePrompt() {
        return outlinePrompt;
    }

    public Prompt detailPrompt() {
        return detailPrompt;
    }

    private ArrayNode ideas(ObjectNode raw, String kind, int expected, ObjectNode outline) throws InvalidAnswer {
        JsonNode given = raw.path(kind);
        if (!given.isArray() || given.size() != expected) {
            throw new InvalidAnswer("the outline needs exactly " + expected + " " + kind + " scenes, it has "
                    + (given.isArray() ? given.size() : "none"));
        }
        ArrayNode ideas = outline.putArray(kind);
        for (JsonNode idea : given) {
            String name = JsonAnswers.requiredText(idea, "name", "a " + kind + " scene");
            String summary = JsonAnswers.requiredText(idea, "summary", "the " + kind + " scene '" + name + "'");
            if (COLON.matcher(name).find()) {
                throw new InvalidAnswer("the scene name '" + name + "' holds a colon, which separates name and summary");
            }
            String wrongLanguage = language.problem("the scene '" + name + "'", name + "\n" + summary);
            if (wrongLanguage != null) {
                throw new InvalidAnswer(wrongLanguage);
            }
            ideas.addObject().put("name", name).put("summary", summary);
        }
        return ideas;
    }
}
