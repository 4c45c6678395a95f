package ai.persona.benchgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import ai.persona.personabench.BenchPersona;
import ai.persona.personabench.PersonaBenchReader;
import ai.persona.personabench.Scene;
import ai.persona.model.PersonaJson;

/** Each stage's validation: a bad answer is asked again once, then the unit is dropped with its reason in the report. */
class StageValidationTest {

    ScriptedModel model;
    Path data;

    @TempDir
    Path work;

    @BeforeEach
    void start() throws Exception {
        model = new ScriptedModel();
        data = Fixture.data(work.resolve("data"));
    }

    @AfterEach
    void stop() {
        model.close();
    }

    @Test
    void personaMissingAFieldIsAskedAgainAndKeptWhenTheRetryIsValid() throws Exception {
        String missing = ScriptedAnswers.EN_PERSONAS[0].replace("\"Preferred_Formats\": \"Short bullet lists\",", "");
        model.override(call -> call.stage().equals("persona"), missing, 1);

        Path out = run("--personas", "1", "--scenes-per-persona", "1");

        assertThat(model.count("persona")).isEqualTo(2);
        assertThat(new PersonaBenchReader(out).personaNames()).containsExactly("Maya Thompson");
        assertThat(findings(out)).isEmpty();
    }

    @Test
    void sceneMissingAFieldTwiceIsDroppedWithItsReason() throws Exception {
        model.override(call -> call.stage().equals("detail") && call.system().contains("The scene: Meeting scheduling")
                && call.personaName().equals("Maya Thompson"), "{\"scene_desc\": \"Maya wants help with Meeting"
                + " scheduling.\", \"expected_response\": \"Ask who attends.\", \"available_apis\": {}}", 2);

        Path out = run("--personas", "1", "--scenes-per-persona", "4");

        assertThat(scenes(out)).extracting(Scene::name)
                .containsExactly("Trip planning", "Shift recovery", "Balcony herbs");
        assertThat(findings(out)).singleElement().satisfies(finding -> {
            assertThat(finding.path("unit").asText()).isEqualTo("p000/s01.detail");
            assertThat(finding.path("status").asText()).isEqualTo("dropped");
            assertThat(finding.path("reason").asText())
                    .isEqualTo("the scene lacks the text field 'scene_context' (after 2 attempts)");
        });
        assertThat(model.count("query")).isEqualTo(3);
    }

    @Test
    void queryInAnotherLanguageIsDroppedWithItsReason() throws Exception {
        model.override(call -> call.stage().equals("query") && call.system().contains("wants help with Shift recovery"),
                "帮我安排一下夜班后的休息时间。", 2);

        Path out = run("--personas", "1", "--scenes-per-persona", "4");

        assertThat(scenes(out)).extracting(Scene::name).doesNotContain("Shift recovery").hasSize(3);
        assertThat(findings(out)).singleElement().satisfies(finding -> {
            assertThat(finding.path("unit").asText()).isEqualTo("p000/s02.query");
            assertThat(finding.path("reason").asText()).startsWith("the personalized query is not in English: 0 of");
        });
    }

    @Test
    void personaInAnotherLanguageIsDroppedAndItsScenesAreNotAskedFor() throws Exception {
        model.override(call -> call.stage().equals("persona"), ScriptedAnswers.ZH_PERSONAS[0], 2);

        Path out = run("--personas", "1", "--scenes-per-persona", "2");

        assertThat(model.calls).hasSize(2);
        assertThat(new PersonaBenchReader(out).personaNames()).isEmpty();
        assertThat(findings(out).get(0).path("reason").asText()).startsWith("the persona is not in English");
    }

    @Test
    void unanswerableSceneIsFilteredWithTheFiltersReason() throws Exception {
        String reason = "A phone assistant cannot water the balcony herbs itself.";
        model.override(call -> call.stage().equals("filter") && call.system().contains("wants help with Balcony herbs"),
                "{\"verdict\": \"drop\", \"reason\": \"" + reason + "\", \"neutralized_query\": \"\"}", 1);

        Path out = run("--personas", "1", "--scenes-per-persona", "4");

        assertThat(scenes(out)).extracting(Scene::name).containsExactly("Trip planning", "Meeting scheduling",
                "Shift recovery");
        assertThat(model.count("filter")).isEqualTo(4);
        assertThat(findings(out)).singleElement().satisfies(finding -> {
            assertThat(finding.path("unit").asText()).isEqualTo("p000/s03.filter");
            assertThat(finding.path("status").asText()).isEqualTo("filtered");
            assertThat(finding.path("reason").asText()).isEqualTo(reason);
        });
    }

    @Test
    void nearDuplicatePersonaIsRemoved() throws Exception {
        String copy = ScriptedAnswers.EN_PERSONAS[0].replace("Maya Thompson", "Maya Thomson")
                .replace("Trail running", "Trail-running");
        model.override(call -> call.stage().equals("persona") && call.user().contains("- Maya Thompson"), copy, 2);

        Path out = run("--personas", "3", "--scenes-per-persona", "1");

        assertThat(model.count("persona")).isEqualTo(4);
        assertThat(new PersonaBenchReader(out).personaNames()).containsExactly("Daniel Okafor", "Maya Thompson");
        assertThat(findings(out)).singleElement().satisfies(finding -> {
            assertThat(finding.path("unit").asText()).isEqualTo("p001/persona");
            assertThat(finding.path("reason").asText())
                    .matches("a near-duplicate of the persona Maya Thompson \\(similarity (0\\.9\\d|1\\.00)\\) \\(after 2 attempts\\)");
        });
    }

    private Path run(String... args) {
        Path out = work.resolve("out");
        String[] all = Stream.concat(Stream.of("--language", "en"), Arrays.stream(args)).toArray(String[]::new);
        Fixture.Result result = Fixture.generate(model, data, out, all);
        assertThat(result.exitCode()).as(result.err()).isZero();
        return out;
    }

    private static List<Scene> scenes(Path out) {
        BenchPersona persona = new PersonaBenchReader(out).read("Maya Thompson");
        return persona.scenes();
    }

    private static List<JsonNode> findings(Path out) throws Exception {
        JsonNode report = PersonaJson.mapper().readTree(out.resolve("report.json").toFile());
        List<JsonNode> findings = new ArrayList<>();
        report.path("dropped_or_filtered").forEach(findings::add);
        return findings;
    }
}
