package ai.persona.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;

/**
 * What {@link QuarkusAppProcess} runs and how; {@link #start()} launches it and waits until its readiness check on the
 * management interface answers.
 */
public final class QuarkusAppLaunch {

    private static final Logger LOG = Logger.getLogger(QuarkusAppLaunch.class);

    private final String name;
    private final Path jar;
    private final Map<String, String> config = new LinkedHashMap<>();
    private final List<String> jvmArgs = new ArrayList<>();
    private int port;
    private int managementPort;
    private Path logFile;
    private String missingJarHint = "";
    private String readinessPath = "/q/health/ready";
    private Duration readyTimeout = Duration.ofSeconds(90);

    QuarkusAppLaunch(String name, Path jar) {
        this.name = name;
        this.jar = jar.toAbsolutePath().normalize();
        this.logFile = Path.of("target", name + ".log").toAbsolutePath();
    }

    /** A configuration property, passed as a system property (Quarkus reads those above application.properties). */
    public QuarkusAppLaunch config(String key, String value) {
        config.put(key, value);
        return this;
    }

    public QuarkusAppLaunch config(Map<String, String> values) {
        config.putAll(values);
        return this;
    }

    public QuarkusAppLaunch jvmArgs(List<String> args) {
        jvmArgs.addAll(args);
        return this;
    }

    /** 0 (the default) picks a free port. */
    public QuarkusAppLaunch port(int httpPort) {
        this.port = httpPort;
        return this;
    }

    /** The management interface's port (health, metrics); 0 (the default) picks a free port. */
    public QuarkusAppLaunch managementPort(int port) {
        this.managementPort = port;
        return this;
    }

    public QuarkusAppLaunch logFile(Path file) {
        this.logFile = file.toAbsolutePath();
        return this;
    }

    /** Appended to the error when the jar is missing, e.g. the command that builds it. */
    public QuarkusAppLaunch missingJarHint(String hint) {
        this.missingJarHint = hint;
        return this;
    }

    public QuarkusAppLaunch readinessPath(String path) {
        this.readinessPath = path;
        return this;
    }

    public QuarkusAppLaunch readyTimeout(Duration timeout) {
        this.readyTimeout = timeout;
        return this;
    }

    public QuarkusAppProcess start() {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(name + " is not built: " + jar + " does not exist. " + missingJarHint);
        }
        int httpPort = port == 0 ? FreePorts.any() : port;
        // every process its own management port: the default 9000 would be shared by all processes on one machine
        int mgmtPort = managementPort == 0 ? FreePorts.otherThan(httpPort) : managementPort;
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        // the class-data archive `mvn package` made with this same JVM (quarkus.package.jar.appcds.enabled): a quicker
        // start. It records the class path as `-jar quarkus-run.jar` from the application's folder, and the JVM (17)
        // ignores it unless started the same way: so the folder is the working directory and the jar named relatively.
        if (Files.isRegularFile(jar.resolveSibling("app-cds.jsa"))) {
            command.add("-XX:SharedArchiveFile=app-cds.jsa");
        }
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-Dquarkus.http.port=" + httpPort);
        command.add("-Dquarkus.management.port=" + mgmtPort);
        command.add("-jar");
        command.add(jar.getFileName().toString());
        long started = System.nanoTime();
        QuarkusAppProcess app = new QuarkusAppProcess(this, httpPort, mgmtPort, launch(command));
        app.awaitReady();
        app.readyAfter(Duration.ofNanos(System.nanoTime() - started));
        LOG.infof("%s ready at %s in %d ms (log: %s)", name, app.baseUrl(), app.readyAfter().toMillis(), logFile);
        return app;
    }

    private Process launch(List<String> command) {
        try {
            Files.createDirectories(logFile.getParent());
            // the application's own folder as working directory: no stray config/application.properties or .env is
            // read, and the class-data archive applies
            return new ProcessBuilder(command)
                    .directory(jar.toAbsolutePath().getParent().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    String name() {
        return name;
    }

    Path logFile() {
        return logFile;
    }

    String readinessPath() {
        return readinessPath;
    }

    Duration readyTimeout() {
        return readyTimeout;
    }
}
