package ai.persona.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import ai.persona.infra.stack.LocalStack;

/**
 * A seeded schedule of faults spread over a load of a known number of client operations, and the thread that carries
 * it out. Fault {@code i} strikes once {@code atOp} operations have completed, after a random delay, so it lands in the
 * middle of whatever requests are in flight. The load keeps going meanwhile, but is held back (see {@link #beforeOp()})
 * from running past the next fault's point before this one has recovered, so every fault strikes while the load is
 * still running, however long a restart takes on a busy machine.
 */
final class Chaos {

    enum Fault {
        KILL_GATEWAY(LocalStack.GATEWAY), KILL_SESSION_SERVICE(LocalStack.SESSION_SERVICE),
        KILL_UPDATER(LocalStack.UPDATER), RESTART_BROKER(null), RESTART_POSTGRES(null);

        final String service;

        Fault(String service) {
            this.service = service;
        }
    }

    /** @param down how long the broker or PostgreSQL stays away (a killed service is restarted at once) */
    record Planned(Fault fault, int atOp, Duration delay, Duration down) {
    }

    record Happened(Planned planned, long atMillis, int completedOps, Duration recovery, String error) {
        @Override
        public String toString() {
            return String.format("%-20s at op %3d (+%3d ms) t=%6.1fs, %3d ops done, back after %5.1fs%s",
                    planned.fault(), planned.atOp(), planned.delay().toMillis(), atMillis / 1000.0, completedOps,
                    recovery.toMillis() / 1000.0, error == null ? "" : " FAILED: " + error);
        }
    }

    private static final Duration GATE_LIMIT = Duration.ofMinutes(3);

    final long seed;
    final List<Planned> plan;
    final List<Happened> happened = new CopyOnWriteArrayList<>();
    private final int totalOps;
    private final int lastGate;
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger completed = new AtomicInteger();
    private volatile int done;
    private volatile long loadStart;

    private Chaos(long seed, List<Planned> plan, int totalOps) {
        this.seed = seed;
        this.plan = List.copyOf(plan);
        this.totalOps = totalOps;
        // the last operations (about one per user) run only after the last fault has recovered
        this.lastGate = totalOps - Math.max(1, totalOps / 25);
    }

    /**
     * {@code killsEach} kills of each service and one restart each of the broker and PostgreSQL, in a random order, one
     * in each of as many equal slices of the load's middle (5% to 88% of its operations), at a random point of its slice.
     */
    static Chaos plan(long seed, int totalOps, int killsEach) {
        Random random = new Random(seed);
        List<Fault> faults = new ArrayList<>();
        for (int i = 0; i < killsEach; i++) {
            faults.addAll(List.of(Fault.KILL_GATEWAY, Fault.KILL_SESSION_SERVICE, Fault.KILL_UPDATER));
        }
        faults.add(Fault.RESTART_BROKER);
        faults.add(Fault.RESTART_POSTGRES);
        Collections.shuffle(faults, random);
        double from = 0.05 * totalOps;
        double slice = (0.88 - 0.05) * totalOps / faults.size();
        if (slice < 2) {
            throw new IllegalArgumentException("too few operations (" + totalOps + ") for " + faults.size() + " faults");
        }
        List<Planned> plan = new ArrayList<>();
        for (int i = 0; i < faults.size(); i++) {
            int atOp = (int) (from + i * slice + random.nextDouble() * (slice - 1));
            Duration delay = Duration.ofMillis(random.nextInt(800));
            Duration down = faults.get(i).service == null ? Duration.ofMillis(1000 + random.nextInt(3000)) : Duration.ZERO;
            plan.add(new Planned(faults.get(i), atOp, delay, down));
        }
        return new Chaos(seed, plan, totalOps);
    }

    /** Called by a client before each operation: waits while the load is as far ahead of the faults as it may get. */
    void beforeOp() {
        long deadline = System.nanoTime() + GATE_LIMIT.toNanos();
        while (true) {
            int op = started.get();
            int pending = done;
            int limit = pending >= plan.size() ? totalOps
                    : pending + 1 < plan.size() ? plan.get(pending + 1).atOp() : lastGate;
            if (op < limit || System.nanoTime() > deadline) {
                if (started.compareAndSet(op, op + 1)) {
                    return;
                }
                continue;
            }
            sleep(Duration.ofMillis(50));
        }
    }

    void afterOp() {
        completed.incrementAndGet();
    }

    /** Carries out the plan, each fault when its point is reached; returns when all have struck and recovered. */
    void run(LocalStack stack, Consumer<String> log) {
        loadStart = System.nanoTime();
        try {
            for (Planned fault : plan) {
                long deadline = System.nanoTime() + GATE_LIMIT.toNanos();
                while (completed.get() < fault.atOp()) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the load stalled before op " + fault.atOp() + " ("
                                + completed.get() + " done)");
                    }
                    sleep(Duration.ofMillis(20));
                }
                sleep(fault.delay());
                long struck = System.nanoTime();
                String error = null;
                try {
                    strike(stack, fault);
                } catch (RuntimeException e) {
                    error = e.toString();
                }
                Happened h = new Happened(fault, (struck - loadStart) / 1_000_000, completed.get(),
                        Duration.ofNanos(System.nanoTime() - struck), error);
                happened.add(h);
                log.accept("chaos: " + h);
                done++;
                if (error != null) {
                    throw new IllegalStateException("fault " + fault + " did not recover: " + error);
                }
            }
        } finally {
            done = plan.size(); // whatever happened, the load is not held back any longer
        }
    }

    private static void strike(LocalStack stack, Planned fault) {
        switch (fault.fault()) {
            case KILL_GATEWAY, KILL_SESSION_SERVICE, KILL_UPDATER -> {
                stack.kill(fault.fault().service);
                stack.restart(fault.fault().service);
            }
            case RESTART_BROKER -> {
                stack.stopKafka();
                sleep(fault.down());
                stack.startKafka();
            }
            case RESTART_POSTGRES -> {
                stack.stopPostgres();
                sleep(fault.down());
                stack.startPostgres();
            }
        }
    }

    long kills(Fault fault) {
        return happened.stream().filter(h -> h.planned().fault() == fault && h.error() == null).count();
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
