package ai.persona.benchmark.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jdk.jfr.Recording;

class ProfileReportTest {

    @TempDir
    Path folder;

    @Test
    void aRecordingOfThisProcessChargesItsBusyLoopToProjectCode() throws Exception {
        Path file = folder.resolve("this-process.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            recording.enable("jdk.InitialSystemProperty");
            recording.start();
            busyFor(Duration.ofMillis(1500));
            recording.stop();
            recording.dump(file);
        }

        ComponentProfile profile = ComponentProfile.read(file);

        assertThat(profile.samples()).isGreaterThan(20);
        assertThat(profile.share("Project code")).isGreaterThan(50.0);
        assertThat(ProfileReport.render(folder))
                .contains("| Project code |")
                .contains("| samples | " + profile.samples() + " |");
    }

    @Test
    void aServiceIsNamedByTheModuleItRunsFrom() {
        assertThat(ComponentProfile.serviceOf("/src/ai-persona/chat-gateway/target/quarkus-app", "x"))
                .isEqualTo("chat-gateway");
        assertThat(ComponentProfile.serviceOf("/tmp", "hotspot-pid-1.jfr")).isEqualTo("hotspot-pid-1.jfr");
    }

    // arithmetic in this class, so the samples' nearest known frame is project code
    private static long busyFor(Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        long sum = 0;
        Map<Long, Long> kept = new java.util.HashMap<>();
        while (System.nanoTime() < end) {
            for (long i = 0; i < 100_000; i++) {
                sum += i * i % 7;
            }
            kept.put(sum % 3, sum);
        }
        return sum + kept.size();
    }
}
