package ai.persona.infra;

import java.util.Map;
import java.util.Properties;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The management interface's port (health, metrics) for a Quarkus test, one free port per test JVM: a @QuarkusTest
 * binds it as {@code quarkus.management.test-port}, the packaged application of a @QuarkusIntegrationTest as
 * {@code quarkus.management.port} (it would otherwise take the production 9000, shared by every module's build on the
 * machine). Tests read {@code /q/health} and {@code /q/metrics} at {@link #url(String)}.
 */
public class ManagementPortTestResource implements QuarkusTestResourceLifecycleManager {

    // a system property: Quarkus loads this class once per test profile, the port must be the JVM's one
    private static final String PORT_PROPERTY = "ai.persona.test.management-port";

    /** The test JVM's management port, picked on first use. */
    public static int port() {
        Properties properties = System.getProperties();
        synchronized (properties) {
            String port = properties.getProperty(PORT_PROPERTY);
            if (port == null) {
                port = Integer.toString(FreePorts.any());
                properties.setProperty(PORT_PROPERTY, port);
            }
            return Integer.parseInt(port);
        }
    }

    /** The path on the management interface, e.g. {@code url("/q/metrics")}. */
    public static String url(String path) {
        return "http://localhost:" + port() + path;
    }

    @Override
    public Map<String, String> start() {
        String port = Integer.toString(port());
        return Map.of("quarkus.management.test-port", port, "quarkus.management.port", port);
    }

    @Override
    public void stop() {
    }
}
