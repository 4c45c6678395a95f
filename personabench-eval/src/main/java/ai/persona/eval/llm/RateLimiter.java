package ai.persona.eval.llm;

import java.time.Duration;

/**
 * Spaces LLM calls across all of a run's threads to at most a number per minute, so that concurrency across personas
 * does not run into a provider's rate limit. Hand-written: a token bucket library (Bucket4j, Guava) would do the same,
 * but this is the only place that needs one and it is a dozen lines.
 */
public final class RateLimiter {

    private final long intervalNanos;
    private long nextFree = System.nanoTime();

    /** 0 or less: no limit. */
    public RateLimiter(int callsPerMinute) {
        this.intervalNanos = callsPerMinute <= 0 ? 0 : Duration.ofMinutes(1).toNanos() / callsPerMinute;
    }

    public void acquire() {
        if (intervalNanos == 0) {
            return;
        }
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            long slot = Math.max(now, nextFree);
            nextFree = slot + intervalNanos;
            wait = slot - now;
        }
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the rate limit", e);
            }
        }
    }
}
