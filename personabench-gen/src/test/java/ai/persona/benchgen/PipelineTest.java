package ai.persona.benchgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import ai.persona.personabench.BenchPersona;
import ai.persona.personabench.PersonaBenchReader;
import ai.persona.personabench.Scene;
import ai.persona.eval.EvalCommand;
import ai.persona.model.PersonaJson;

/** All five stages on two seed personas, in English and in Chinese, read back by PersonaBench's reader and personabench-eval. */
class PipelineTest {

    static ScriptedModel model;

    @TempDir
    Path work;

    @BeforeAll
    static void start() {
        model = new ScriptedModel();
    }

    @AfterAll
    static void stop() {
        model.close();
    }

    @Test
    void englishBenchmarkIsWrittenInTheReleasedFormatAndReadByPersonaBenchReader() throws Exception {
        Path out = work.resolve("en");
        model.calls.clear();
        Fixture.Result result = Fixture.generate(model, Fixture.data(work.resolve("data")), out, "--language", "en",
                "--personas", "2", "--scenes-per-persona", "4");

        assertThat(result.exitCode()).as(result.err()).isZero();
        // 2 personas x (persona + outline + 4 x (scene + query + filter))
        assertThat(model.calls).hasSize(28);
        assertThat(model.count("persona")).isEqualTo(2);
        assertThat(model.calls).allSatisfy(call -> assertThat(call.system() + call.user()).contains("English"));
        List<BenchPersona> personas = new PersonaBenchReader(out).readAll();
        assertThat(personas).extracting(BenchPersona::name).containsExactly("Daniel Okafor", "Maya Thompson");
        BenchPersona maya = personas.get(1);
        assertThat(maya.golden().fieldNames()).toIterable()
                .containsExactly("Demographics", "Personality", "Pattern", "Preference");
        assertThat(maya.golden().path("Preference").path("Preferred_Formats").asText()).isEqualTo("Short bullet lists");
        assertThat(maya.commonScenes()).extracting(Scene::name).containsExactly("Trip planning", "Meeting scheduling");
        assertThat(maya.specificScenes()).extracting(Scene::name).containsExactly("Shift recovery", "Balcony herbs");
        Scene trip = maya.commonScenes().get(0);
        assertThat(trip.summary()).isEqualTo("Maya Thompson needs help with trip planning this week.");
        assertThat(trip.availableApis()).containsOnlyKeys("webSearch");
        assertThat(trip.availableApis().get("webSearch").arguments()).containsExactly("query");
        assertThat(trip.context()).isEqualTo("Deadline: next Friday. Budget: 200 dollars. Place: near home.");
        assertThat(trip.personalizedQuery()).isEqualTo("Help me with Trip planning, I need it sorted by Friday.");
        assertThat(trip.neutralizedQuery()).isEqualTo("I need help with Trip planning.");
        assertThat(maya.specificScenes().get(0).availableApis()).isEmpty();
        JsonNode raw = PersonaJson.mapper().readTree(out.resolve("generated_data/Maya Thompson.json").toFile());
        assertThat(raw.path("scenes").path(0).path("scene_type").asText())
                .isEqualTo("Trip planning: Maya Thompson needs help with trip planning this week.");
        assertThat(PersonaJson.mapper().readTree(out.resolve("persona_profile/Maya Thompson.json").toFile())
                .path("scenes").path(1).path("available_apis").isNull()).isTrue();
        assertThat(result.out()).contains("Wrote 2 personas, 8 scenes (4 common, 4 specific)")
                .contains("| persona | 2 |").contains("| scene | 10 |").contains("| query | 8 |")
                .contains("| filter | 8 |").contains("| all | 28 |");
        assertThat(result.err()).contains("[28/28 100%]").contains("ETA");
        System.out.println("Sample (scripted run): " + Files.readString(out.resolve("generated_data/Maya Thompson.json")));
    }

    @Test
    void chineseBenchmarkIsPlannedByPersonaEvalsDryRun() throws Exception {
        Path out = work.resolve("zh");
        model.calls.clear();
        Fixture.Result result = Fixture.generate(model, Fixture.data(work.resolve("data")), out, "--language", "zh",
                "--personas", "2", "--scenes-per-persona", "4");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(model.calls).hasSize(28).allSatisfy(call -> assertThat(call.system() + call.user()).contains("Simplified Chinese"));
        List<BenchPersona> personas = new PersonaBenchReader(out).readAll();
        assertThat(personas).extracting(BenchPersona::name).containsExactlyInAnyOrder("林晓雨", "赵国强");
        Scene plan = personas.stream().filter(p -> p.name().equals("林晓雨")).findFirst().orElseThrow()
                .commonScenes().get(0);
        assertThat(plan.name()).isEqualTo("行程规划");
        assertThat(plan.summary()).isEqualTo("林晓雨这周需要行程规划方面的帮助。");
        assertThat(plan.neutralizedQuery()).isEqualTo("我需要行程规划方面的帮助。");
        assertThat(Files.readString(out.resolve("generated_data/林晓雨.json"))).contains("\"行程规划：林晓雨这周需要");

        Fixture.Result eval = Fixture.run(new EvalCommand(), "--data", out.toString(), "--out",
                work.resolve("eval").toString(), "--dry-run");
        assertThat(eval.exitCode()).as(eval.err()).isZero();
        assertThat(eval.out()).contains("Plan: 2 personas x 6 settings").contains("8 scenes");
    }
}
