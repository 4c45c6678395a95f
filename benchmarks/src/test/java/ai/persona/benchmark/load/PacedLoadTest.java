package ai.persona.benchmark.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import ai.persona.benchmark.load.PacedLoad.Turn;

class PacedLoadTest {

    @Test
    void aServerSlowerThanThePaceShowsItsQueueingInsteadOfHidingIt() throws Exception {
        // due every 10 ms, served in 30 ms: each turn starts later than due, and the wait is part of its latency
        Turn slow = () -> CompletableFuture.supplyAsync(() -> System.nanoTime(),
                CompletableFuture.delayedExecutor(30, TimeUnit.MILLISECONDS));
        PacedLoad.Result result = PacedLoad.run(List.of(slow), Duration.ofMillis(10), Duration.ZERO,
                Duration.ofMillis(600));

        assertThat(result.failed()).isZero();
        assertThat(result.completed()).isGreaterThan(5);
        assertThat(result.latencyMicros().getMinValue()).isGreaterThanOrEqualTo(29_000);
        // a closed-loop client would report ~30 ms throughout; measured from due time the backlog shows
        assertThat(result.latencyMicros().getMaxValue()).isGreaterThan(200_000);
    }

    @Test
    void aFailedTurnIsCountedNotTimed() throws Exception {
        Turn failing = () -> CompletableFuture.failedFuture(new IllegalStateException("503"));
        PacedLoad.Result result = PacedLoad.run(List.of(failing), Duration.ofMillis(20), Duration.ZERO,
                Duration.ofMillis(100));

        assertThat(result.completed()).isZero();
        assertThat(result.failed()).isPositive();
        assertThat(result.firstFailure()).contains("503");
    }
}
