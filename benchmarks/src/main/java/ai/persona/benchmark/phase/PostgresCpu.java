package ai.persona.benchmark.phase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * CPU time of the embedded PostgreSQL server, for P4's bill per session. zonky starts it through {@code pg_ctl}, so
 * the postmaster is no child of this JVM: it is found by its command ({@code postgres ... -p <port>}). Its CPU is its
 * own, that of the backends it has reaped (cutime, cstime) and that of those still running (pooled connections).
 */
final class PostgresCpu {

    private static final long CLOCK_TICKS = 100; // USER_HZ on Linux

    private final Optional<ProcessHandle> postmaster;

    PostgresCpu(String host, int port) {
        boolean local = host.equals("localhost") || host.startsWith("127.");
        postmaster = local ? ProcessHandle.allProcesses().filter(p -> isPostmaster(p, port)).findFirst()
                : Optional.empty(); // an external server's CPU is not ours to read
    }

    /** CPU seconds the server has used so far; NaN when it could not be found or read. */
    double seconds() {
        if (postmaster.isEmpty()) {
            return Double.NaN;
        }
        double total = ticks(postmaster.get().pid(), true);
        for (ProcessHandle backend : postmaster.get().descendants().toList()) {
            total += ticks(backend.pid(), false);
        }
        return total / CLOCK_TICKS;
    }

    private static boolean isPostmaster(ProcessHandle process, int port) {
        ProcessHandle.Info info = process.info();
        if (!info.command().map(c -> c.endsWith("/postgres")).orElse(false)) {
            return false;
        }
        List<String> arguments = List.of(info.arguments().orElse(new String[0]));
        int flag = arguments.indexOf("-p");
        return flag >= 0 && flag + 1 < arguments.size() && arguments.get(flag + 1).equals(Integer.toString(port));
    }

    // a backend gone between listing and reading counts nothing here: its time is in the postmaster's cutime
    private static double ticks(long pid, boolean withReapedChildren) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            if (withReapedChildren) {
                ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
            }
            return ticks;
        } catch (IOException | RuntimeException e) {
            return withReapedChildren ? Double.NaN : 0;
        }
    }
}
