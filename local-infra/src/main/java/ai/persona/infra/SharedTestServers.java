package ai.persona.infra;

import java.util.Map;
import java.util.function.Supplier;

/**
 * The one {@link TestServers} of this JVM, stopped by a shutdown hook rather than by any test, so that all test
 * classes of a module share one PostgreSQL and one Kafka even while Quarkus restarts between them.
 *
 * <p>Quarkus loads each test application, profile by profile, in class loaders of its own, and a static field
 * there would exist once per class loader. {@link SharedTestServersClient} therefore always reaches this class
 * through the system class loader, and every public method here takes and returns JDK types only.</p>
 *
 * <p>Callers arrive with a Quarkus class loader as thread context class loader. Kafka loads plugin classes
 * (e.g. its share-group state persister) through that loader and would get copies that do not fit the broker's
 * own classes, so the broker fails to start; hence every call runs with this class's loader as context.</p>
 */
public final class SharedTestServers {

    static final String JDBC_URL = "jdbc-url";
    static final String REACTIVE_URL = "reactive-url";
    static final String USER = "user";
    static final String PASSWORD = "password";

    private static TestServers servers;

    private SharedTestServers() {
    }

    private static synchronized TestServers servers() {
        if (servers == null) {
            servers = new TestServers(System::getenv);
            Runtime.getRuntime().addShutdownHook(new Thread(servers::close, "persona-test-servers-stop"));
        }
        return servers;
    }

    public static String kafkaBootstrapServers() {
        return withOwnClassLoader(() -> servers().kafkaBootstrapServers());
    }

    /** Topics in the {@link TopicSpec#parseList(String)} form. */
    public static void createTopics(String topics) {
        withOwnClassLoader(() -> {
            servers().createTopics(TopicSpec.parseList(topics));
            return null;
        });
    }

    public static boolean kafkaIsEmbedded() {
        return withOwnClassLoader(() -> servers().embeddedKafka().isPresent());
    }

    public static void stopKafkaBroker() {
        withOwnClassLoader(() -> {
            embeddedKafka().stopBroker();
            return null;
        });
    }

    public static void startKafkaBroker() {
        withOwnClassLoader(() -> {
            embeddedKafka().startBroker();
            return null;
        });
    }

    private static EmbeddedKafkaBroker embeddedKafka() {
        return servers().embeddedKafka().orElseThrow(() -> new IllegalStateException(
                "Kafka is external (" + TestServers.KAFKA_BOOTSTRAP_ENV + "), a test cannot stop it"));
    }

    public static Map<String, String> postgres(String database) {
        PostgresConnection db = withOwnClassLoader(() -> servers().postgres(database));
        return Map.of(JDBC_URL, db.jdbcUrl(), REACTIVE_URL, db.reactiveUrl(), USER, db.user(), PASSWORD, db.password());
    }

    private static <T> T withOwnClassLoader(Supplier<T> call) {
        Thread thread = Thread.currentThread();
        ClassLoader callers = thread.getContextClassLoader();
        // threads the servers create now inherit this loader too
        thread.setContextClassLoader(SharedTestServers.class.getClassLoader());
        try {
            return call.get();
        } finally {
            thread.setContextClassLoader(callers);
        }
    }
}
