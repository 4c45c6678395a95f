package ai.persona.benchmark.phase;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;

import ai.persona.benchmark.load.GatewayUser;
import ai.persona.benchmark.sim.SimulatorStats.Kind;
import ai.persona.model.TokenCounter;

/**
 * P2: what keeping personas up to date costs. Users hold sessions through the gateway with the default k; once every
 * persona has reached the version its sessions imply, the optimizer calls and tokens the simulator served are divided
 * by the sessions completed. What the users say is a {@link Script}: short scripted lines, or PersonaBench scenes
 * replayed ({@link SceneScripts}), since the optimizer's prompt grows with the conversations it reads.
 */
public final class UpkeepPhase {

    /** The user messages of each session, by user and session (both from 0). */
    public interface Script {
        List<String> userTurns(int user, int session);
    }

    /** Today's sessions: two short lines, the same every time but for the session's number. */
    public static final Script SHORT = (user, session) -> List.of(
            "第" + (session + 1) + "次：我开了一家小茶馆，想问问秋天进什么茶", "要简短，先给结论");

    /**
     * Per completed session: optimizer calls and tokens; the paper's baseline is one call per k = 3 sessions.
     *
     * @param sessionKind what the users said: {@code short} or {@code personabench}
     * @param userTurnsPerSession user messages per session
     * @param userTokensPerSession o200k tokens of those messages per session: how long the sessions were
     */
    public record Result(String sessionKind, int users, int sessionsPerUser, long optimizerCalls, long inputTokens,
            long outputTokens, double callsPerSession, double tokensPerSession, boolean allVersionsReached,
            double userTurnsPerSession, double userTokensPerSession) {
    }

    private final BenchContext bench;

    public UpkeepPhase(BenchContext bench) {
        this.bench = bench;
    }

    public Result run(String sessionKind, Script script, int users, int sessionsPerUser, int k) throws Exception {
        long calls = bench.simulator().stats().calls(Kind.OPTIMIZER);
        long in = bench.simulator().stats().inputTokens(Kind.OPTIMIZER);
        long out = bench.simulator().stats().outputTokens(Kind.OPTIMIZER);
        List<GatewayUser> cohort = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            cohort.add(bench.newUser("p2"));
        }
        LongAdder turns = new LongAdder();
        LongAdder userTokens = new LongAdder();
        ExecutorService workers = Executors.newFixedThreadPool(Math.min(users, 16));
        List<Future<?>> running = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            int user = u;
            running.add(workers.submit(() -> {
                for (int s = 0; s < sessionsPerUser; s++) {
                    List<String> lines = script.userTurns(user, s);
                    Sessions.converse(bench, cohort.get(user), lines);
                    turns.add(lines.size());
                    lines.forEach(line -> userTokens.add(TokenCounter.count(line)));
                }
                return null;
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
        return new Result(sessionKind, users, sessionsPerUser, spentCalls, spentIn, spentOut, spentCalls / sessions,
                (spentIn + spentOut) / sessions, reached, turns.sum() / sessions, userTokens.sum() / sessions);
    }
}
