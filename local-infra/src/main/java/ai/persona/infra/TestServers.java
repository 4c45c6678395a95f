package ai.persona.infra;

import org.jboss.logging.Logger;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The PostgreSQL server and Kafka broker that tests run against: embedded ones, started on first use, or
 * external ones named by environment variables. See {@link SharedTestServers} for the one instance per JVM of
 * Quarkus tests; plain tests (the end-to-end test) own an instance and close it.
 */
public final class TestServers implements AutoCloseable {

    static final String KAFKA_BOOTSTRAP_ENV = "PERSONA_TEST_KAFKA_BOOTSTRAP";
    static final String PG_JDBC_URL_ENV = "PERSONA_TEST_PG_JDBC_URL";
    static final String PG_USER_ENV = "PERSONA_TEST_PG_USER";
    static final String PG_PASSWORD_ENV = "PERSONA_TEST_PG_PASSWORD";

    private static final Logger LOG = Logger.getLogger(TestServers.class);

    private final Function<String, String> env;
    // Quarkus starts test resources in parallel; separate locks let PostgreSQL and Kafka boot side by side
    private final Object kafkaLock = new Object();
    private final Object postgresLock = new Object();
    private EmbeddedKafkaBroker embeddedKafka;
    private EmbeddedPostgresServer embeddedPostgres;

    public TestServers(Function<String, String> env) {
        this.env = env;
    }

    public String kafkaBootstrapServers() {
        Optional<String> external = setting(KAFKA_BOOTSTRAP_ENV);
        if (external.isPresent()) {
            return external.get();
        }
        synchronized (kafkaLock) {
            EmbeddedKafkaBroker kafka = startedKafka();
            kafka.ensureBrokerRunning();
            return kafka.bootstrapServers();
        }
    }

    public void createTopics(List<TopicSpec> topics) {
        KafkaTopics.createIfAbsent(kafkaBootstrapServers(), topics);
    }

    /** Empty when the broker is external: a test cannot take someone else's broker down. */
    public Optional<EmbeddedKafkaBroker> embeddedKafka() {
        if (setting(KAFKA_BOOTSTRAP_ENV).isPresent()) {
            return Optional.empty();
        }
        synchronized (kafkaLock) {
            return Optional.of(startedKafka());
        }
    }

    private EmbeddedKafkaBroker startedKafka() {
        if (embeddedKafka == null) {
            embeddedKafka = EmbeddedKafkaBroker.start();
        }
        return embeddedKafka;
    }

    /** The service's own database, created on first use on whichever server is in use. */
    public PostgresConnection postgres(String database) {
        Optional<String> externalUrl = setting(PG_JDBC_URL_ENV);
        if (externalUrl.isPresent()) {
            // the URL names the database to connect to for CREATE DATABASE; the service gets its own next to it
            PostgresConnection maintenance = PostgresConnection.fromJdbcUrl(externalUrl.get(),
                    setting(PG_USER_ENV).orElse(EmbeddedPostgresServer.USER),
                    setting(PG_PASSWORD_ENV).orElse(""));
            EmbeddedPostgresServer.createDatabaseIfAbsent(maintenance, database);
            return maintenance.withDatabase(database);
        }
        synchronized (postgresLock) {
            if (embeddedPostgres == null) {
                QuietLogging.postgresProcess();
                embeddedPostgres = EmbeddedPostgresServer.startTemporary(0);
            }
            return embeddedPostgres.createDatabaseIfAbsent(database);
        }
    }

    /** Empty when PostgreSQL is external, or not started yet (no database was asked for). */
    public Optional<EmbeddedPostgresServer> embeddedPostgres() {
        if (setting(PG_JDBC_URL_ENV).isPresent()) {
            return Optional.empty();
        }
        synchronized (postgresLock) {
            return Optional.ofNullable(embeddedPostgres);
        }
    }

    private Optional<String> setting(String name) {
        return Optional.ofNullable(env.apply(name)).map(String::trim).filter(v -> !v.isEmpty());
    }

    @Override
    public void close() {
        synchronized (kafkaLock) {
            if (embeddedKafka != null) {
                closeQuietly(embeddedKafka, "Kafka");
                embeddedKafka = null;
            }
        }
        synchronized (postgresLock) {
            if (embeddedPostgres != null) {
                closeQuietly(embeddedPostgres, "PostgreSQL");
                embeddedPostgres = null;
            }
        }
    }

    private static void closeQuietly(AutoCloseable server, String what) {
        try {
            server.close();
        } catch (Exception e) {
            LOG.warnf(e, "Embedded %s did not stop cleanly", what);
        }
    }
}
