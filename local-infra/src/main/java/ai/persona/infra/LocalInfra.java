package ai.persona.infra;

import java.util.List;
import java.util.stream.Collectors;

/** PostgreSQL and Kafka for running the services locally, both keeping their data under one directory. */
public final class LocalInfra implements AutoCloseable {

    private final EmbeddedPostgresServer postgres;
    private final PersistentKafkaBroker kafka;
    private final List<PostgresConnection> databases;

    private LocalInfra(EmbeddedPostgresServer postgres, PersistentKafkaBroker kafka, List<PostgresConnection> databases) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.databases = databases;
    }

    public static LocalInfra start(LocalInfraOptions options) {
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.startKept(
                options.postgresPort(), options.dataDirectory().resolve("postgres"));
        try {
            List<PostgresConnection> databases = options.databases().stream()
                    .map(postgres::createDatabaseIfAbsent)
                    .toList();
            PersistentKafkaBroker kafka = PersistentKafkaBroker.start(
                    options.kafkaPort(), options.dataDirectory().resolve("kafka"));
            kafka.createTopics(options.topics().toArray(TopicSpec[]::new));
            return new LocalInfra(postgres, kafka, databases);
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
    }

    public List<PostgresConnection> databases() {
        return databases;
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** What a developer needs to point a service at this infrastructure. */
    public String describe() {
        String dbLines = databases.stream()
                .map(db -> String.format("    %-16s %s   (reactive: %s)", db.database(), db.jdbcUrl(), db.reactiveUrl()))
                .collect(Collectors.joining("\n"));
        return """
                PostgreSQL 17 on port %d (user %s, password %s)
                %s
                Kafka bootstrap servers: %s""".formatted(
                postgres.port(), EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD,
                dbLines, kafka.bootstrapServers());
    }

    @Override
    public void close() {
        try {
            kafka.close();
        } finally {
            postgres.close();
        }
    }
}
