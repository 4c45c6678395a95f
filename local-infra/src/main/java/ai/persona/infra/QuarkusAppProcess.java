package ai.persona.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

/**
 * A packaged Quarkus service ({@code target/quarkus-app/quarkus-run.jar}) run as a separate {@code java} process, the way
 * it runs in production: tests of one service talk to the real other service instead of a mock of it.
 *
 * <p>Configuration goes in as system properties, the HTTP and management ports are free ones unless given, output goes
 * to a log file, and {@link QuarkusAppLaunch#start()} returns once {@code /q/health/ready} answers 200 on the
 * management port. {@link #close()} asks the
 * process to stop (SIGTERM, so Quarkus shuts down cleanly) and kills it if it has not within the grace period. A
 * shutdown hook does the same should the starting JVM end first, so no process outlives it.
 * {@link SharedQuarkusApps} keeps one per test JVM for all test classes.</p>
 *
 * <pre>
 * Path jar = Path.of("../session-service/target/quarkus-app/quarkus-run.jar");
 * try (QuarkusAppProcess app = QuarkusAppProcess.builder("session-service", jar)
 *         .config("kafka.bootstrap.servers", bootstrap)
 *         .missingJarHint("run mvn -pl session-service package -DskipTests first")
 *         .start()) {
 *     String url = app.baseUrl();
 * }
 * </pre>
 */
public final class QuarkusAppProcess implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(QuarkusAppProcess.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);

    private final QuarkusAppLaunch spec;
    private final int port;
    private final int managementPort;
    private final Process process;
    private final Thread killOnExit;
    private volatile Duration readyAfter = Duration.ZERO;

    QuarkusAppProcess(QuarkusAppLaunch spec, int port, int managementPort, Process process) {
        this.spec = spec;
        this.port = port;
        this.managementPort = managementPort;
        this.process = process;
        this.killOnExit = new Thread(this::stop, spec.name() + "-stop");
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /** Describes the service to run; {@link QuarkusAppLaunch#start()} runs it. */
    public static QuarkusAppLaunch builder(String name, Path jar) {
        return new QuarkusAppLaunch(name, jar);
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    /** The management interface ({@code /q/health}, {@code /q/metrics}), on a port of its own. */
    public String managementUrl() {
        return "http://localhost:" + managementPort;
    }

    public int managementPort() {
        return managementPort;
    }

    public Path logFile() {
        return spec.logFile();
    }

    /** The operating system's process id (for its resident memory and CPU time in /proc). */
    public long pid() {
        return process.pid();
    }

    /** From the launch to the first successful readiness check. */
    public Duration readyAfter() {
        return readyAfter;
    }

    void readyAfter(Duration duration) {
        this.readyAfter = duration;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it stops the process itself
        }
    }

    /** SIGKILL, as a crash: no shutdown hook, no clean close of consumers or connections. */
    public void kill() {
        try {
            process.destroyForcibly().waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warnf("%s did not stop within %s; killing it", spec.name(), STOP_GRACE);
                process.destroyForcibly().waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(managementUrl() + spec.readinessPath()))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + spec.readyTimeout().toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(spec.name() + " exited with code " + process.exitValue()
                        + " while starting; its log " + spec.logFile() + " ends with:\n" + logTail());
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // the port opens late in start-up
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + spec.name(), e);
            }
            pause();
        }
        stop();
        throw new IllegalStateException(spec.name() + " was not ready within " + spec.readyTimeout() + "; its log "
                + spec.logFile() + " ends with:\n" + logTail());
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(spec.logFile(), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }
}
