package ai.persona.benchgen.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.persona.benchgen.llm.Outcome;
import ai.persona.benchgen.llm.Stage;
import ai.persona.benchgen.llm.Usage;
import ai.persona.benchgen.stage.FilterStage;

/**
 * Runs the stages unit by unit: every persona first (each must differ from those before it), then per persona its
 * outline and, per scene, its details, query and filter. A unit already in the store is taken from it, not asked again.
 */
public final class GenerationRun {

    private final Stages stages;
    private final UnitStore store;
    private final Progress progress;
    private final Map<String, Usage> spent = new TreeMap<>();
    private final List<Finding> findings = new ArrayList<>();

    public GenerationRun(Stages stages, UnitStore store, Progress progress) {
        this.stages = stages;
        this.store = store;
        this.progress = progress;
    }

    public List<GeneratedPersona> run() {
        List<ObjectNode> kept = new ArrayList<>();
        List<Integer> keptIndexes = new ArrayList<>();
        for (int i = 0; i < stages.personas(); i++) {
            int index = i;
            UnitRecord persona = unit(unitId(i, "persona"), Stage.PERSONA,
                    () -> stages.persona().run(index, List.copyOf(kept)));
            if (persona.done()) {
                kept.add((ObjectNode) persona.value());
                keptIndexes.add(i);
                stages.persona().kept((ObjectNode) persona.value());
            } else {
                progress.skipped(stages.unitsPerPersona() - 1);
            }
        }
        List<GeneratedPersona> personas = new ArrayList<>();
        for (int k = 0; k < kept.size(); k++) {
            personas.add(new GeneratedPersona(keptIndexes.get(k), kept.get(k), scenes(keptIndexes.get(k), kept.get(k))));
        }
        return personas;
    }

    private List<GeneratedScene> scenes(int p, ObjectNode persona) {
        List<GeneratedScene> scenes = new ArrayList<>();
        UnitRecord outline = unit(unitId(p, "outline"), Stage.SCENE, () -> stages.scene().outline(p, persona));
        if (!outline.done()) {
            progress.skipped(3 * stages.plan().total());
            return scenes;
        }
        List<JsonNode> ideas = new ArrayList<>();
        outline.value().path("common").forEach(ideas::add);
        outline.value().path("specific").forEach(ideas::add);
        for (int s = 0; s < ideas.size(); s++) {
            String scene = unitId(p, String.format("s%02d", s));
            JsonNode idea = ideas.get(s);
            UnitRecord detail = unit(scene + ".detail", Stage.SCENE, () -> stages.scene().detail(persona, idea));
            if (!detail.done()) {
                progress.skipped(2);
                continue;
            }
            UnitRecord query = unit(scene + ".query", Stage.QUERY, () -> stages.query().run(persona, detail.value()));
            if (!query.done()) {
                progress.skipped(1);
                continue;
            }
            String personalized = query.value().asText();
            UnitRecord verdict = unit(scene + ".filter", Stage.FILTER,
                    () -> stages.filter().run(persona, detail.value(), personalized));
            if (verdict.done()) {
                scenes.add(new GeneratedScene(s < stages.plan().common(), idea.path("name").asText(),
                        idea.path("summary").asText(), detail.value(), personalized,
                        verdict.value().path("neutralized_query").asText()));
            }
        }
        return scenes;
    }

    private UnitRecord unit(String id, Stage stage, Supplier<Outcome> ask) {
        UnitRecord record = store.find(id).orElse(null);
        boolean resumed = record != null;
        if (!resumed) {
            record = record(stage, ask.get());
            store.save(id, record);
        }
        spent.merge(stage.optionName(), record.usage(), Usage::plus);
        if (resumed) {
            progress.resumed();
        } else {
            progress.finished(id, record, spent);
        }
        if (!record.done()) {
            findings.add(new Finding(id, record.stage(), record.status(), record.reason()));
        }
        return record;
    }

    private static UnitRecord record(Stage stage, Outcome outcome) {
        if (outcome.dropped()) {
            return new UnitRecord(stage.optionName(), UnitRecord.DROPPED, null, outcome.droppedReason(), outcome.usage());
        }
        if (stage == Stage.FILTER && FilterStage.DROP.equals(outcome.value().path("verdict").asText())) {
            return new UnitRecord(stage.optionName(), UnitRecord.FILTERED, null, outcome.value().path("reason").asText(),
                    outcome.usage());
        }
        return new UnitRecord(stage.optionName(), UnitRecord.DONE, outcome.value(), null, outcome.usage());
    }

    static String unitId(int persona, String unit) {
        return String.format("p%03d/%s", persona, unit);
    }

    /** Calls and tokens per stage of the whole benchmark, units resumed from earlier runs included. */
    public Map<String, Usage> spent() {
        return spent;
    }

    public List<Finding> findings() {
        return findings;
    }
}
