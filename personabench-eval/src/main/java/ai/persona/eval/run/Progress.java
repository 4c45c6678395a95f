package ai.persona.eval.run;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import ai.persona.eval.llm.TokenTally;
import ai.persona.eval.llm.Usage;

/**
 * One status line per finished cell on stderr: how far, time left, and the running cost per role. Left hand-written
 * on purpose: a progress-bar library redraws one terminal line, which turns into noise in CI logs and redirected
 * output, where one line per cell reads well.
 */
public final class Progress {

    private final int total;
    private final TokenTally tally;
    private final PrintStream out;
    private final long started = System.nanoTime();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger skipped = new AtomicInteger();

    public Progress(int total, TokenTally tally, PrintStream out) {
        this.total = total;
        this.tally = tally;
        this.out = out;
    }

    /** A cell a previous run finished. */
    public void skipped() {
        skipped.incrementAndGet();
    }

    public void finished(CellKey key) {
        int now = done.incrementAndGet();
        int finished = now + skipped.get();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        Duration left = elapsed.multipliedBy(total - finished).dividedBy(now);
        out.printf("[%d/%d %3d%%] %s %s scene %d | %s elapsed, ETA %s | %s%n", finished, total, 100 * finished / total,
                key.setting(), key.persona(), key.sceneNumber(), format(elapsed), format(left), cost());
    }

    public int finishedThisRun() {
        return done.get();
    }

    public int skippedCount() {
        return skipped.get();
    }

    String cost() {
        StringBuilder text = new StringBuilder("tokens in/out");
        for (Map.Entry<String, Usage> role : tally.snapshot().entrySet()) {
            text.append(' ').append(role.getKey()).append(' ').append(kilo(role.getValue().inputTokens())).append('/')
                    .append(kilo(role.getValue().outputTokens()));
        }
        return text.toString();
    }

    static String kilo(long tokens) {
        return tokens < 1000 ? Long.toString(tokens) : String.format("%.1fk", tokens / 1000.0);
    }

    static String format(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds < 60 ? seconds + "s" : String.format("%dm%02ds", seconds / 60, seconds % 60);
    }
}
