package ai.persona.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.persona.personabench.PersonaBenchReader;

class DryRunTest {

    @TempDir
    Path work;

    @Test
    void dryRunPrintsThePlanAndCallBoundsWithoutTouchingADeployment() throws Exception {
        Path data = BenchFixture.write(work.resolve("data"));
        String out = dryRun("--data", data.toString(), "--out", work.resolve("out").toString(), "--max-turns", "3",
                "--settings", "golden,learning-3");

        assertThat(out).contains("Plan: 2 personas x 2 settings [golden, learning-3], 8 scenes (all): 16 cells");
        // at least: 3 calls per cell + per learner (4 / 3 + 1 similarity + 4 pairwise) for each of 2 personas
        assertThat(out).contains("LLM calls: at least " + (16 * 3 + 2 * (2 + 4)) + ",");
        assertThat(out).contains("| assistant |").contains("| simulator |").contains("| judge |");
        assertThat(work.resolve("out")).doesNotExist();
    }

    @Test
    void dryRunPrintsTheProtocolInForceWithEachSwitch() throws Exception {
        Path data = BenchFixture.write(work.resolve("data"));
        String paper = dryRun("--data", data.toString(), "--out", work.resolve("out").toString());
        assertThat(paper).contains("Protocol: --protocol paper --learning-start demographics --scene-in-prompt "
                + "--judge-reference expected --max-turns 3 --max-tool-rounds 3")
                .contains("learners' optimizer mode (updater settings): paper");

        String strict = dryRun("--data", data.toString(), "--out", work.resolve("out").toString(), "--protocol",
                "strict", "--judge-reference", "none");
        assertThat(strict).contains("Protocol: --protocol strict --learning-start empty --no-scene-in-prompt "
                + "--judge-reference none --max-turns 3");

        String overridden = dryRun("--data", data.toString(), "--out", work.resolve("out").toString(),
                "--learning-start", "golden", "--no-scene-in-prompt");
        assertThat(overridden).contains("--protocol paper --learning-start golden --no-scene-in-prompt");
    }

    @Test
    void helpDocumentsEveryProtocolSwitch() {
        String help = EvalCommand.commandLine().getUsageMessage();
        assertThat(help).contains("--protocol", "--learning-start", "--[no-]scene-in-prompt", "--judge-reference",
                "--max-turns", "--update-timeout", "--dry-run");
    }

    /** The figures the README quotes: the real data, when this machine has it. */
    @Test
    void dryRunOnThePersonaBenchDataWhenPresent() throws Exception {
        Path data = PersonaBenchReader.defaultDir();
        boolean present = new PersonaBenchReader(data).isAvailable();
        if (!present) {
            System.out.println("SKIPPED: PersonaBench data not found at " + data.toAbsolutePath()
                    + " (set PERSONABENCH_DIR): no dry run on the real data");
        }
        Assumptions.assumeTrue(present, "PersonaBench data not found at " + data.toAbsolutePath());
        String out = dryRun("--data", data.toString(), "--out", work.resolve("out").toString());
        System.out.println(out);
        assertThat(out).contains("Plan: 149 personas x 6 settings");
    }

    private static String dryRun(String... args) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream previous = System.out;
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            assertThat(EvalCommand.commandLine().execute(append(args, "--dry-run"))).isZero();
        } finally {
            System.setOut(previous);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    private static String[] append(String[] args, String extra) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = extra;
        return all;
    }
}
