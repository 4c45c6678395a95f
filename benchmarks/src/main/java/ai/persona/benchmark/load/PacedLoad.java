package ai.persona.benchmark.load;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Sessions that each send a turn every {@code interval}, as users do, for a fixed time. A turn's latency is measured
 * from when it was due, not when it was sent: when a slow reply makes the next turn late, the wait counts, so the
 * figures do not coordinate-omit (the correction wrk2 makes). A session's turns never overlap, as in a real chat.
 */
public final class PacedLoad {

    /** A turn: sends, and completes with the System.nanoTime() at which what is measured arrived. */
    public interface Turn extends Supplier<CompletableFuture<Long>> {
    }

    /** Latencies in microseconds, of the turns due after the warm-up. */
    public record Result(Histogram latencyMicros, int completed, int failed, String firstFailure) {
    }

    private PacedLoad() {
    }

    public static Result run(List<Turn> sessions, Duration interval, Duration warmup, Duration measured)
            throws InterruptedException {
        Recorder recorder = new Recorder(3);
        AtomicInteger completed = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        String[] firstFailure = new String[1];
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(2);
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + measured.toNanos();
        CountDownLatch done = new CountDownLatch(sessions.size());
        for (int i = 0; i < sessions.size(); i++) {
            // sessions start spread over one interval, so they do not all speak at the same instant
            long first = start + interval.toNanos() * i / sessions.size();
            schedule(clock, sessions.get(i), first, interval.toNanos(), measureFrom, end, recorder, completed,
                    failed, firstFailure, done);
        }
        done.await(measured.plus(warmup).plusMinutes(2).toMillis(), TimeUnit.MILLISECONDS);
        clock.shutdownNow();
        return new Result(recorder.getIntervalHistogram(), completed.get(), failed.get(), firstFailure[0]);
    }

    private static void schedule(ScheduledExecutorService clock, Turn turn, long due, long interval, long measureFrom,
            long end, Recorder recorder, AtomicInteger completed, AtomicInteger failed, String[] firstFailure,
            CountDownLatch done) {
        if (due >= end) {
            done.countDown();
            return;
        }
        clock.schedule(() -> turn.get().whenComplete((arrived, failure) -> {
            if (failure != null || arrived == null || arrived == 0) {
                failed.incrementAndGet();
                synchronized (firstFailure) {
                    if (firstFailure[0] == null) {
                        firstFailure[0] = failure == null ? "no reply" : failure.toString();
                    }
                }
            } else if (due >= measureFrom) {
                recorder.recordValue(Math.max(0, (arrived - due) / 1000));
                completed.incrementAndGet();
            }
            long next = due + interval;
            schedule(clock, turn, next, interval, measureFrom, end, recorder, completed, failed, firstFailure, done);
        }), Math.max(0, due - System.nanoTime()), TimeUnit.NANOSECONDS);
    }
}
