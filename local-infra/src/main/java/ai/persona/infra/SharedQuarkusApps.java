package ai.persona.infra;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Packaged Quarkus services run as processes once per test JVM and shared by all its test classes, like the database and
 * broker of {@link SharedTestServers}: a test resource asks for one by name and gets the running one back as long as it
 * asks with the same settings. Each process stops when the JVM ends (see {@link QuarkusAppProcess}).
 *
 * <p>Quarkus gives each test profile its own class loader, where a static map would exist once per profile; the calls
 * are therefore always served by this class as the system class loader has it, and take and return JDK types only.</p>
 */
public final class SharedQuarkusApps {

    private static final Map<String, Running> RUNNING = new HashMap<>();

    private SharedQuarkusApps() {
    }

    private record Running(List<Object> settings, QuarkusAppProcess process) {
    }

    /**
     * The base URL ({@code http://localhost:port}) of the named service, started now unless it already runs with these
     * settings; a service asked for with other settings is restarted with them.
     *
     * @param missingJarHint added to the error when the jar is missing, e.g. the command that builds it
     */
    public static String baseUrl(String name, String jar, Map<String, String> config, List<String> jvmArgs,
            String logFile, String missingJarHint) {
        Object[] args = { name, jar, config, jvmArgs, logFile, missingJarHint };
        try {
            Class<?> shared = Class.forName(SharedQuarkusApps.class.getName(), true, ClassLoader.getSystemClassLoader());
            Method method = shared.getMethod("startOrReuse", String.class, String.class, Map.class, List.class,
                    String.class, String.class);
            return (String) method.invoke(null, args);
        } catch (ClassNotFoundException notOnSystemClassPath) {
            // a launcher that keeps the test class path off the system class loader: share within this loader only
            return startOrReuse(name, jar, config, jvmArgs, logFile, missingJarHint);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot reach " + SharedQuarkusApps.class.getName(), e);
        }
    }

    /** The implementation of {@link #baseUrl}; public only so that other class loaders' copies can call this one. */
    public static synchronized String startOrReuse(String name, String jar, Map<String, String> config,
            List<String> jvmArgs, String logFile, String missingJarHint) {
        List<Object> settings = List.of(jar, Map.copyOf(config), List.copyOf(jvmArgs), logFile);
        Running running = RUNNING.get(name);
        if (running != null && running.settings().equals(settings) && running.process().isAlive()) {
            return running.process().baseUrl();
        }
        if (running != null) {
            running.process().close();
            RUNNING.remove(name);
        }
        QuarkusAppProcess process = QuarkusAppProcess.builder(name, Path.of(jar))
                .config(config)
                .jvmArgs(jvmArgs)
                .logFile(Path.of(logFile))
                .missingJarHint(missingJarHint)
                .start();
        RUNNING.put(name, new Running(settings, process));
        return process.baseUrl();
    }
}
