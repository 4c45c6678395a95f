package ai.persona.infra;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Command line of {@link LocalInfraMain}; ports default away from a system PostgreSQL (5432) and Kafka (9092). */
public record LocalInfraOptions(Path dataDirectory, int postgresPort, int kafkaPort, List<String> databases,
                                List<TopicSpec> topics) {

    public static final String USAGE = """
            Usage: LocalInfraMain [--data-dir DIR] [--pg-port PORT] [--kafka-port PORT]
                                  [--databases a,b] [--topics name[:partitions[:compact]],...]
              --data-dir    kept across runs (default .local/infra in the working directory, git-ignored)
              --pg-port     PostgreSQL port (default 15432)
              --kafka-port  Kafka port (default 19092)
              --databases   databases to create if absent (default session_service,persona_updater)
              --topics      topics to create if absent (default none)""";

    static final List<String> DEFAULT_DATABASES = List.of("session_service", "persona_updater");

    public static LocalInfraOptions parse(String... args) {
        Path dataDirectory = Path.of(".local", "infra");
        int postgresPort = 15432;
        int kafkaPort = 19092;
        List<String> databases = DEFAULT_DATABASES;
        List<TopicSpec> topics = List.of();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("Missing value for " + option);
            }
            String value = args[++i];
            switch (option) {
                case "--data-dir" -> dataDirectory = Path.of(value);
                case "--pg-port" -> postgresPort = port(option, value);
                case "--kafka-port" -> kafkaPort = port(option, value);
                case "--databases" -> databases = Arrays.stream(value.split(",")).map(String::trim)
                        .filter(s -> !s.isEmpty()).toList();
                case "--topics" -> topics = TopicSpec.parseList(value);
                default -> throw new IllegalArgumentException("Unknown option " + option);
            }
        }
        return new LocalInfraOptions(dataDirectory.toAbsolutePath(), postgresPort, kafkaPort, databases, topics);
    }

    private static int port(String option, String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below with the option's name
        }
        throw new IllegalArgumentException(option + " needs a port number, got: " + value);
    }
}
