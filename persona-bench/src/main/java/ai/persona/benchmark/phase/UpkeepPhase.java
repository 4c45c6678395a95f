package ai.persona.benchmark.phase;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import ai.persona.benchmark.load.GatewayUser;
import ai.persona.benchmark.sim.SimulatorStats.Kind;

/**
 * P2: what keeping personas up to date costs. Users hold sessions through the gateway with the default k; once every
 * persona has reached the version its sessions imply, the optimizer calls and tokens the simulator served are divided
 * by the sessions completed.
 */
public final class UpkeepPhase {

    /** Per completed session: optimizer calls and tokens; the paper's baseline is one call per k = 3 sessions. */
    public record Result(int users, int sessionsPerUser, long optimizerCalls, long inputTokens, long outputTokens,
            double callsPerSession, double tokensPerSession, boolean allVersionsReached) {
    }

    private final BenchContext bench;

    public UpkeepPhase(BenchContext bench) {
        this.bench = bench;
    }

    public Result run(int users, int sessionsPerUser, int k) throws Exception {
        long calls = bench.simulator().stats().calls(Kind.OPTIMIZER);
        long in = bench.simulator().stats().inputTokens(Kind.OPTIMIZER);
        long out = bench.simulator().stats().outputTokens(Kind.OPTIMIZER);
        List<GatewayUser> cohort = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            cohort.add(bench.newUser("p2"));
        }
        ExecutorService workers = Executors.newFixedThreadPool(Math.min(users, 16));
        List<Future<?>> running = new ArrayList<>();
        for (GatewayUser user : cohort) {
            running.add(workers.submit(() -> {
                for (int s = 1; s <= sessionsPerUser; s++) {
                    Sessions.converse(bench, user, "第" + s + "次：我开了一家小茶馆，想问问秋天进什么茶", "要简短，先给结论");
                }
            }));
        }
        for (Future<?> future : running) {
            future.get();
        }
        workers.shutdown();
        long expected = sessionsPerUser / k;
        boolean reached = Sessions.await(() -> cohort.stream().allMatch(u -> u.personaVersion() >= expected),
                Duration.ofMinutes(3));
        long spentCalls = bench.simulator().stats().calls(Kind.OPTIMIZER) - calls;
        long spentIn = bench.simulator().stats().inputTokens(Kind.OPTIMIZER) - in;
        long spentOut = bench.simulator().stats().outputTokens(Kind.OPTIMIZER) - out;
        double sessions = users * (double) sessionsPerUser;
        return new Result(users, sessionsPerUser, spentCalls, spentIn, spentOut, spentCalls / sessions,
                (spentIn + spentOut) / sessions, reached);
    }
}
