package ai.persona.benchgen.run;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import ai.persona.benchgen.llm.Usage;

/** One line per unit on stderr: how far, the ETA from this run's pace, and the tokens spent so far per stage. */
public final class Progress {

    private final PrintStream out;
    private final long started = System.nanoTime();
    private int total;
    private int resumed;
    private int computed;

    public Progress(int plannedUnits, PrintStream out) {
        this.total = plannedUnits;
        this.out = out;
    }

    public void resumed() {
        resumed++;
    }

    /** Units that will not run because what they build on was dropped. */
    public void skipped(int units) {
        total -= units;
    }

    public void finished(String unit, UnitRecord record, Map<String, Usage> spent) {
        computed++;
        int finished = computed + resumed;
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        Duration left = elapsed.multipliedBy(Math.max(0, total - finished)).dividedBy(computed);
        StringBuilder tokens = new StringBuilder();
        spent.forEach((stage, usage) -> tokens.append(' ').append(stage).append(' ')
                .append(kilo(usage.inputTokens())).append('/').append(kilo(usage.outputTokens())));
        out.printf(Locale.ROOT, "[%d/%d %3d%%] %s %s%s | %s elapsed, ETA %s | tokens in/out%s%n", finished, total,
                100 * finished / Math.max(1, total), unit, record.status(),
                record.done() ? "" : " (" + record.reason() + ")", format(elapsed), format(left), tokens);
    }

    public int computed() {
        return computed;
    }

    public int resumedCount() {
        return resumed;
    }

    static String kilo(long tokens) {
        return tokens < 1000 ? String.valueOf(tokens) : String.format(Locale.ROOT, "%.1fK", tokens / 1000.0);
    }

    private static String format(Duration duration) {
        return String.format(Locale.ROOT, "%d:%02d:%02d", duration.toHours(), duration.toMinutesPart(),
                duration.toSecondsPart());
    }
}
