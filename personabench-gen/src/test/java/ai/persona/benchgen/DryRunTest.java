package ai.persona.benchgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.persona.personabench.PersonaBenchReader;

class DryRunTest {

    @TempDir
    Path work;

    @Test
    void dryRunPrintsCallsAndTokensPerStageWithoutCallingOrWriting() throws Exception {
        Path out = work.resolve("out");
        Fixture.Result result = Fixture.run(GenerateCommand.commandLine(), "--data", Fixture.data(work.resolve("data")).toString(),
                "--out", out.toString(), "--personas", "10", "--scenes-per-persona", "10", "--dry-run",
                "--price-input", "2.5", "--price-output", "10");

        assertThat(result.exitCode()).as(result.err()).isZero();
        // the plan of 4 common scenes at most (the list has 4) and 6 specific ones
        assertThat(result.out()).contains("Plan: 10 personas x 10 scenes (4 common, 6 specific) in English: 320 units,"
                + " one LLM call each (at most 640 with every retry)")
                .contains("| persona | 10 |").contains("| scene | 110 |").contains("| query | 100 |")
                .contains("| filter | 100 |").contains("| all | 320 |").contains("Cost (USD)");
        assertThat(out).doesNotExist();
    }

    /** The figures the README quotes: the released seeds and scene list, when this machine has them. */
    @Test
    void dryRunOnTheReleasedSeedsAndScenesWhenPresent() {
        Path data = PersonaBenchReader.defaultDir();
        boolean present = data.resolve("personas.json").toFile().exists();
        if (!present) {
            System.out.println("SKIPPED: PersonaBench data not found at " + data.toAbsolutePath()
                    + " (set PERSONABENCH_DIR): no dry run on the released seeds");
        }
        Assumptions.assumeTrue(present, "PersonaBench data not found at " + data.toAbsolutePath());
        for (String language : new String[] {"en", "zh"}) {
            Fixture.Result result = Fixture.run(GenerateCommand.commandLine(), "--data", data.toString(), "--out",
                    work.resolve("out").toString(), "--language", language, "--dry-run", "--price-input", "2.5",
                    "--price-output", "10");
            System.out.println(result.out());
            assertThat(result.out()).contains("Plan: 10 personas x 10 scenes (5 common, 5 specific)");
        }
    }
}
