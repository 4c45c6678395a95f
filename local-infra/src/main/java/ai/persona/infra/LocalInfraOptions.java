package ai.persona.infra;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link LocalInfra} starts: where it keeps its data, its ports, and the databases and topics it creates if absent.
 * The local tools' {@code infra} command fills it from its command line.
 */
public record LocalInfraOptions(Path dataDirectory, int postgresPort, int kafkaPort, List<String> databases,
                                List<TopicSpec> topics) {

    /** Away from a system PostgreSQL (5432) and Kafka (9092). */
    public static final int DEFAULT_POSTGRES_PORT = 15432;
    public static final int DEFAULT_KAFKA_PORT = 19092;
    public static final List<String> DEFAULT_DATABASES = List.of("session_service", "persona_updater");

    public LocalInfraOptions {
        dataDirectory = dataDirectory.toAbsolutePath();
        databases = List.copyOf(databases);
        topics = List.copyOf(topics);
    }
}
