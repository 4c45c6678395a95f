package ai.persona.benchgen.stage;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.persona.benchgen.check.Language;
import ai.persona.benchgen.check.NearDuplicates;
import ai.persona.benchgen.check.PersonaCheck;
import ai.persona.benchgen.input.Seeds;
import ai.persona.benchgen.llm.Attempts;
import ai.persona.benchgen.llm.InvalidAnswer;
import ai.persona.benchgen.llm.Outcome;
import ai.persona.benchgen.llm.Prompt;
import ai.persona.benchgen.llm.StageModel;
import ai.persona.model.PersonaSchema;

/** Stage 2: one new persona per unit, seeds as examples, checked against the schema, the language and those kept. */
public final class PersonaStage {

    private final StageModel model;
    private final Attempts attempts;
    private final Prompt prompt = Prompt.load("persona");
    private final Seeds seeds;
    private final PersonaSchema schema;
    private final PersonaCheck check;
    private final NearDuplicates duplicates;
    private final Language language;
    private final int examples;
    private final long seed;

    public PersonaStage(StageModel model, Attempts attempts, Seeds seeds, PersonaSchema schema, Language language,
            double duplicateThreshold, int examples, long seed) {
        this.model = model;
        this.attempts = attempts;
        this.seeds = seeds;
        this.schema = schema;
        this.check = PersonaCheck.withDefaultLimits(schema, language);
        this.duplicates = new NearDuplicates(duplicateThreshold);
        this.language = language;
        this.examples = examples;
        this.seed = seed;
    }

    /** A persona a previous unit kept: later ones must differ from it. */
    public void kept(ObjectNode persona) {
        duplicates.keep(PersonaCheck.name(persona), persona);
    }

    public Outcome run(int index, List<ObjectNode> kept) {
        return attempts.ask(model, text(index, kept), answer -> {
            ObjectNode persona = check.parse(answer);
            Optional<NearDuplicates.Match> duplicate = duplicates.nearest(persona);
            if (duplicate.isPresent()) {
                throw new InvalidAnswer(String.format(Locale.ROOT, "a near-duplicate of the persona %s (similarity %.2f)",
                        duplicate.get().key(), duplicate.get().similarity()));
            }
            return persona;
        });
    }

    public Prompt prompt() {
        return prompt;
    }

    public Prompt.Text text(int index, List<ObjectNode> kept) {
        List<ObjectNode> drawn = seeds.sample(examples, new Random(Objects.hash(seed, "persona", index)));
        return prompt.fill(Map.of("schema", schemaText(), "examples", Texts.json(drawn), "language", language.name(),
                "taken", taken(kept)));
    }

    /** The schema's sections and fields as the prompt lists them. */
    public String schemaText() {
        return schema.sections().stream()
                .map(section -> "- " + section.name() + ": " + section.fields().stream()
                        .map(field -> field.name() + " (" + Texts.typeName(field.type()) + ")")
                        .collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"));
    }

    private static String taken(List<ObjectNode> kept) {
        if (kept.isEmpty()) {
            return "(none yet)";
        }
        return kept.stream()
                .map(persona -> "- " + PersonaCheck.name(persona) + ": "
                        + persona.path("Demographics").path("Career_Information").asText(""))
                .collect(Collectors.joining("\n"));
    }

    static String name(JsonNode persona) {
        return PersonaCheck.name(persona);
    }
}
