package ai.persona.infra.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.persona.infra.QuarkusAppProcess;

/**
 * The stack's service processes by name: started once, and after a {@link #kill(String)} started again on the same
 * ports with the same configuration, so the other services and the users' clients find it where it was. Each service
 * has one log file across its restarts, a line marking each restart.
 */
final class ServiceProcesses implements AutoCloseable {

    private static final Duration START = Duration.ofSeconds(120);

    private final StackOptions options;
    private final Map<String, QuarkusAppProcess> running = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, Map<String, String>> configs = Collections.synchronizedMap(new LinkedHashMap<>());

    ServiceProcesses(StackOptions options) {
        this.options = options;
    }

    void start(String service, Map<String, String> config) {
        configs.put(service, Map.copyOf(config));
        running.put(service, launch(service, 0, 0));
    }

    Map<String, String> config(String service) {
        get(service);
        return configs.get(service);
    }

    QuarkusAppProcess get(String service) {
        QuarkusAppProcess process = running.get(service);
        if (process == null) {
            throw new IllegalArgumentException("no service " + service);
        }
        return process;
    }

    /** SIGKILL, as a crash: no shutdown hook runs, consumers leave their groups only when their sessions expire. */
    void kill(String service) {
        get(service).kill();
    }

    /** Starts the service again where it was; one still running is killed first. */
    void restart(String service) {
        QuarkusAppProcess before = get(service);
        if (before.isAlive()) {
            before.kill();
        }
        before.close(); // only drops its shutdown hook: the process is gone
        note(before.logFile(), "---- restarted at " + Instant.now() + " ----");
        running.put(service, launch(service, before.port(), before.managementPort()));
    }

    private QuarkusAppProcess launch(String service, int port, int managementPort) {
        return QuarkusAppProcess.builder(service, options.root().resolve(service)
                .resolve("target/quarkus-app/quarkus-run.jar"))
                .config(configs.get(service))
                .jvmArgs(options.jvmArgs())
                .port(port)
                .managementPort(managementPort)
                .logFile(options.logs().resolve(service + ".log"))
                .readyTimeout(START)
                .missingJarHint("package the services first: mvn package -DskipTests")
                .start();
    }

    private static void note(Path log, String line) {
        try {
            Files.writeString(log, line + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** In the reverse order of their start: the gateway first, session-service, which the others call, last. */
    @Override
    public void close() {
        List<QuarkusAppProcess> started = new ArrayList<>(running.values());
        Collections.reverse(started);
        started.forEach(QuarkusAppProcess::close);
    }
}
