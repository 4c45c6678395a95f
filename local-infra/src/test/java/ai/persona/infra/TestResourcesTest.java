package ai.persona.infra;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The test resources as Quarkus uses them: each Quarkus application (one per test profile) loads its own copy of
 * these classes, which an isolated class loader stands in for here. All copies must reach the same servers.
 */
class TestResourcesTest {

    @Test
    void postgresResourceHandsOutItsOwnDatabaseOnTheOneSharedServer() throws Exception {
        Map<String, String> session = start(new PostgresTestResource(), Map.of("database", "session_service"));
        Map<String, String> updater;
        try (URLClassLoader isolated = isolatedCopy()) {
            updater = startCopy(isolated, PostgresTestResource.class, Map.of("database", "persona_updater"));
        }

        Map<String, String> reactiveOnly = start(new PostgresTestResource(), Map.of("database", "session_service", "jdbc", "false"));
        assertEquals(session.get("quarkus.datasource.reactive.url"), reactiveOnly.get("quarkus.datasource.reactive.url"));
        assertFalse(reactiveOnly.containsKey("quarkus.datasource.jdbc.url"));

        String jdbc = session.get("quarkus.datasource.jdbc.url");
        assertTrue(jdbc.endsWith("/session_service"), jdbc);
        assertEquals(jdbc.substring("jdbc:".length()), session.get("quarkus.datasource.reactive.url"));
        assertEquals(serverOf(jdbc), serverOf(updater.get("quarkus.datasource.jdbc.url")), "one server per JVM");
        // stop() ran in start(...) above: the database must still answer
        try (Connection c = DriverManager.getConnection(jdbc, session.get("quarkus.datasource.username"),
                session.get("quarkus.datasource.password"));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_database()")) {
            rs.next();
            assertEquals("session_service", rs.getString(1));
        }
    }

    @Test
    void kafkaResourceCreatesItsTopicsOnTheOneSharedBrokerAndSurvivesAnOutageLeftBehind() throws Exception {
        Map<String, String> first = start(new KafkaTestResource(), Map.of("topics", "resource-events:2,resource-state:1:compact"));
        String servers = first.get("kafka.bootstrap.servers");
        assertEquals(2, KafkaClients.partitions(servers, "resource-events"));
        assertEquals("compact", KafkaClients.cleanupPolicy(servers, "resource-state"));

        assertTrue(KafkaTestResource.brokerCanBeStopped());
        // a test that stopped the broker and then failed must not take the following test classes down with it
        KafkaTestResource.stopBroker();
        Map<String, String> second;
        try (URLClassLoader isolated = isolatedCopy()) {
            second = startCopy(isolated, KafkaTestResource.class, Map.of());
        }
        assertEquals(servers, second.get("kafka.bootstrap.servers"), "one broker per JVM");
        KafkaClients.send(servers, "resource-events", "k", "after restart");
        assertEquals(List.of("after restart"), KafkaClients.consumeValues(servers, "resource-events", 1));
    }

    private static Map<String, String> start(io.quarkus.test.common.QuarkusTestResourceLifecycleManager resource,
                                             Map<String, String> initArgs) {
        resource.init(initArgs);
        Map<String, String> config = resource.start();
        resource.stop();
        return config;
    }

    /** Runs the copy's lifecycle the way Quarkus does, with the application's loader as context class loader. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> startCopy(ClassLoader loader, Class<?> resourceClass, Map<String, String> initArgs)
            throws Exception {
        Class<?> copy = loader.loadClass(resourceClass.getName());
        assertNotSame(resourceClass, copy, "the isolated loader must define its own copy");
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            Object resource = copy.getConstructor().newInstance();
            copy.getMethod("init", Map.class).invoke(resource, initArgs);
            Map<String, String> config = (Map<String, String>) copy.getMethod("start").invoke(resource);
            copy.getMethod("stop").invoke(resource);
            return config;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Like a Quarkus application class loader: the whole test class path, but not delegating to the system loader. */
    private static URLClassLoader isolatedCopy() {
        URL[] urls = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(TestResourcesTest::toUrl)
                .toArray(URL[]::new);
        return new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
    }

    private static URL toUrl(String path) {
        try {
            return new File(path).toURI().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(path, e);
        }
    }

    private static String serverOf(String jdbcUrl) {
        return jdbcUrl.substring(0, jdbcUrl.lastIndexOf('/'));
    }
}
