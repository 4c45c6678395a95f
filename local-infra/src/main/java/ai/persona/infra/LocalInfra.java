package ai.persona.infra;

import java.util.List;
import java.util.Map;
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

    /** A Kafka client's configuration to log in as {@code user} (admin, or a service's id). */
    public Map<String, Object> kafkaClientConfig(String user) {
        return kafka.clientConfig(user);
    }

    public KafkaLogins kafkaLogins() {
        return kafka.logins();
    }

    /** What a developer needs to point a service at this infrastructure. */
    public String describe() {
        String dbLines = databases.stream()
                .map(db -> String.format("    %-16s %s   (reactive: %s)", db.database(), db.jdbcUrl(), db.reactiveUrl()))
                .collect(Collectors.joining("\n"));
        // the passwords stay in their file (mode 0600), out of the console and the stack's logs
        String logins = kafka.logins().file().toString();
        String jaas = "org.apache.kafka.common.security.scram.ScramLoginModule required username=\\\"chat-gateway\\\" "
                + "password=\\\"$(sed -n 's/^chat-gateway=//p' " + logins + ")\\\";";
        return """
                PostgreSQL 17 on port %d (user %s, password %s)
                %s
                Kafka bootstrap servers: %s (%s, %s: each service logs in as the user named by its id, tools as %s;
                the passwords are in %s). A service in dev mode, e.g. chat-gateway, logs in with
                    export KAFKA_SECURITY_PROTOCOL=%s
                    export KAFKA_SASL_JAAS_CONFIG="%s\"""".formatted(
                postgres.port(), EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD, dbLines,
                kafka.bootstrapServers(), KafkaLogins.PROTOCOL, KafkaLogins.MECHANISM, KafkaLogins.ADMIN, logins,
                KafkaLogins.PROTOCOL, jaas);
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
