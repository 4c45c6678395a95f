package ai.persona.benchgen.llm;

import java.util.concurrent.atomic.AtomicLong;

/** The calls this run may make ({@code --max-calls}); checked before each unit, so a unit is never cut in half. */
public final class CallBudget {

    private final long max;
    private final AtomicLong used = new AtomicLong();

    public CallBudget(long max) {
        this.max = max;
    }

    public static CallBudget unlimited() {
        return new CallBudget(Long.MAX_VALUE);
    }

    public void beforeUnit() {
        if (used.get() >= max) {
            throw new CallBudgetSpent(used.get());
        }
    }

    void spend() {
        used.incrementAndGet();
    }

    public long used() {
        return used.get();
    }
}
