package ai.persona.benchmark.phase;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.HdrHistogram.Histogram;

import ai.persona.benchmark.load.GatewayUser;
import ai.persona.infra.stack.LocalStack;

/**
 * P4: the whole pipeline under a burst of completed sessions. Users hold k sessions each through the gateway, as fast
 * as the workers can; for each user the time from its batch being full (its k-th session ended) to its new persona
 * version reaching the compacted topic is measured, less the simulated optimizer call. The sustained rate is the
 * sessions over the time from the first session to the last new version. The CPU each service spent per session says
 * where the time goes.
 */
public final class PipelinePhase {

    /**
     * @param cpuMillisPerSession CPU time per completed session, by process (the benchmark JVM holds Kafka, the
     *        simulator and the load; PostgreSQL is NaN when its server could not be found)
     * @param cpuMillisPerSessionTotal their sum, the processes that could not be read left out
     */
    public record Result(int users, int sessions, double sessionsPerSecond, double endedPerSecond,
            Percentiles batchToVersion, int versionsSeen, Map<String, Double> cpuMillisPerSession,
            double cpuMillisPerSessionTotal) {
    }

    public static final String POSTGRES = "PostgreSQL";

    private final BenchContext bench;
    private final FootprintSampler footprint;
    private final PostgresCpu postgres;

    public PipelinePhase(BenchContext bench, FootprintSampler footprint) {
        this.bench = bench;
        this.footprint = footprint;
        var database = bench.stack().database(LocalStack.SESSION_SERVICE);
        this.postgres = new PostgresCpu(database.host(), database.port());
    }

    public Result run(int users, int k, int workers) throws Exception {
        List<GatewayUser> cohort = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            cohort.add(bench.newUser("p4"));
        }
        Map<String, Double> cpuBefore = cpu();
        Map<GatewayUser, Long> batchFull = new ConcurrentHashMap<>();
        try (PersonaChangeWatch watch = new PersonaChangeWatch(bench.stack().servers().kafkaBootstrapServers())) {
            long start = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(workers);
            List<Future<?>> running = new ArrayList<>();
            for (GatewayUser user : cohort) {
                running.add(pool.submit(() -> {
                    for (int s = 1; s <= k; s++) {
                        Sessions.converse(bench, user, "第" + s + "次：今天店里来了几位老客人");
                    }
                    batchFull.put(user, System.nanoTime());
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
            pool.shutdown();
            long ended = System.nanoTime();
            Sessions.await(() -> cohort.stream().allMatch(u -> watch.arrival(userId(u)) != null),
                    Duration.ofMinutes(3));
            Histogram micros = new Histogram(3);
            long last = ended;
            int seen = 0;
            for (GatewayUser user : cohort) {
                Long arrival = watch.arrival(userId(user));
                if (arrival != null) {
                    seen++;
                    last = Math.max(last, arrival);
                    long waited = (arrival - batchFull.get(user)) / 1000 - bench.simulatedMillis() * 1000;
                    micros.recordValue(Math.max(0, waited));
                }
            }
            int sessions = users * k;
            Map<String, Double> cpuPerSession = new LinkedHashMap<>();
            cpu().forEach((service, seconds) -> cpuPerSession.put(service,
                    (seconds - cpuBefore.get(service)) * 1000 / sessions));
            double total = cpuPerSession.values().stream().filter(v -> !v.isNaN()).mapToDouble(v -> v).sum();
            return new Result(users, sessions, sessions / seconds(last - start), sessions / seconds(ended - start),
                    Percentiles.of(micros), seen, cpuPerSession, total);
        }
    }

    private Map<String, Double> cpu() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        FootprintSampler.SERVICES.forEach(service -> seconds.put(service, footprint.cpuSeconds(service)));
        seconds.put("benchmark JVM (load, Kafka broker)", FootprintSampler.ownCpuSeconds());
        seconds.put(POSTGRES, postgres.seconds());
        return seconds;
    }

    private static String userId(GatewayUser user) {
        return user.userId();
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
