package ai.persona.benchmark.phase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import ai.persona.infra.stack.LocalStack;

/**
 * P5 and the CPU bill: each service's resident memory (VmRSS) and CPU time (utime + stime) from /proc, at rest and,
 * sampled twice a second, under load. Linux only, as the machines this runs on.
 */
public final class FootprintSampler {

    public static final List<String> SERVICES = List.of(LocalStack.SESSION_SERVICE, LocalStack.UPDATER,
            LocalStack.GATEWAY);
    private static final long CLOCK_TICKS = 100; // USER_HZ on Linux

    /** @param startMillis launch to ready; rss in MiB */
    public record Footprint(String service, long startMillis, double rssAtRestMib, double rssUnderLoadMib) {
    }

    private final LocalStack stack;
    private final Map<String, Double> atRest = new LinkedHashMap<>();
    private final Map<String, Double> underLoad = new ConcurrentHashMap<>();
    private volatile Thread sampler;

    public FootprintSampler(LocalStack stack) {
        this.stack = stack;
    }

    public void recordAtRest() {
        SERVICES.forEach(service -> atRest.put(service, rssMib(service)));
    }

    public void sampleUnderLoad(String... services) {
        stopSampling();
        Thread thread = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                for (String service : services) {
                    underLoad.merge(service, rssMib(service), Math::max);
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "rss-sampler");
        thread.setDaemon(true);
        thread.start();
        sampler = thread;
    }

    public void stopSampling() {
        Thread thread = sampler;
        if (thread != null) {
            thread.interrupt();
            sampler = null;
        }
    }

    public List<Footprint> footprints() {
        return SERVICES.stream().map(service -> new Footprint(service,
                stack.process(service).readyAfter().toMillis(), atRest.getOrDefault(service, 0.0),
                underLoad.getOrDefault(service, 0.0))).toList();
    }

    /** CPU seconds the service's process has used so far. */
    public double cpuSeconds(String service) {
        return cpuSeconds(stack.process(service).pid());
    }

    /** CPU seconds of this JVM: the load generator, the simulator and the embedded Kafka broker. */
    public static double ownCpuSeconds() {
        return cpuSeconds(ProcessHandle.current().pid());
    }

    private static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) CLOCK_TICKS;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    double rssMib(String service) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(stack.process(service).pid()),
                    "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
