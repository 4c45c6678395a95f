package ai.persona.benchgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.persona.personabench.PersonaBenchReader;

/** A run stopped part way (its call budget spent, as a kill between units would leave it) resumes without repeats. */
class ResumeTest {

    @TempDir
    Path work;

    @Test
    void rerunSkipsEveryFinishedUnitAndCallsNoUnitTwice() throws Exception {
        Path data = Fixture.data(work.resolve("data"));
        Path out = work.resolve("out");
        try (ScriptedModel model = new ScriptedModel()) {
            Fixture.Result first = Fixture.generate(model, data, out, "--personas", "2", "--scenes-per-persona", "3",
                    "--max-calls", "9");
            assertThat(first.exitCode()).as(first.err()).isZero();
            assertThat(first.out()).contains("stopped after 9 LLM calls (--max-calls)");
            assertThat(model.calls).hasSize(9);
            assertThat(out.resolve("generated_data")).doesNotExist();
            try (var units = Files.walk(out.resolve("units"))) {
                assertThat(units.filter(f -> f.toString().endsWith(".json"))).hasSize(9);
            }

            Fixture.Result second = Fixture.generate(model, data, out, "--personas", "2", "--scenes-per-persona", "3");

            assertThat(second.exitCode()).as(second.err()).isZero();
            assertThat(second.out()).contains("9 units resumed from earlier runs, 13 made now")
                    .contains("| all | 22 |");
            assertThat(model.calls).hasSize(2 * (2 + 3 * 3));
            Set<String> prompts = new HashSet<>();
            model.calls.forEach(call -> assertThat(prompts.add(call.system() + call.user())).as("asked twice").isTrue());
            assertThat(new PersonaBenchReader(out).readAll()).hasSize(2)
                    .allSatisfy(persona -> assertThat(persona.scenes()).hasSize(3));
        }
    }

    @Test
    void rerunWithOtherSettingsIsRefusedNamingThem() throws Exception {
        Path data = Fixture.data(work.resolve("data"));
        Path out = work.resolve("out");
        try (ScriptedModel model = new ScriptedModel()) {
            Fixture.generate(model, data, out, "--personas", "1", "--scenes-per-persona", "1", "--max-calls", "1");

            Fixture.Result other = Fixture.generate(model, data, out, "--personas", "1", "--scenes-per-persona", "1",
                    "--language", "zh");

            assertThat(other.exitCode()).isNotZero();
            assertThat(other.err()).contains("holds a run with other settings").contains("language=en");
            assertThat(model.calls).hasSize(1);
        }
    }
}
