package ai.persona.infra.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.jboss.logging.Logger;

import ai.persona.infra.LocalInfra;
import ai.persona.infra.LocalInfraOptions;
import ai.persona.infra.TopicSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** Runs PostgreSQL 17 and a Kafka broker in the foreground until SIGTERM or Ctrl-C, then stops both. */
@Command(name = "infra", mixinStandardHelpOptions = true,
        description = "Runs PostgreSQL 17 and a Kafka broker until SIGTERM or Ctrl-C; data is kept in --data-dir.")
public class InfraCommand implements Callable<Integer> {

    private static final Logger LOG = Logger.getLogger(InfraCommand.class);

    @Option(names = "--data-dir", description = "kept across runs (default: ${DEFAULT-VALUE})")
    Path dataDirectory = Path.of(".local", "infra");

    @Option(names = "--pg-port", converter = PortConverter.class, description = "PostgreSQL port (default: ${DEFAULT-VALUE})")
    int postgresPort = LocalInfraOptions.DEFAULT_POSTGRES_PORT;

    @Option(names = "--kafka-port", converter = PortConverter.class, description = "Kafka port (default: ${DEFAULT-VALUE})")
    int kafkaPort = LocalInfraOptions.DEFAULT_KAFKA_PORT;

    @Option(names = "--databases", split = ",", description = "created if absent (default: ${DEFAULT-VALUE})")
    List<String> databases = LocalInfraOptions.DEFAULT_DATABASES;

    @Option(names = "--topics", split = ",", converter = TopicSpecConverter.class,
            description = "name[:partitions[:compact]], created if absent (default: none)")
    List<TopicSpec> topics = List.of();

    public LocalInfraOptions options() {
        return new LocalInfraOptions(dataDirectory, postgresPort, kafkaPort, databases, topics);
    }

    @Override
    public Integer call() throws InterruptedException {
        LocalInfraOptions options = options();
        LocalInfra infra = LocalInfra.start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping local infrastructure");
            try {
                infra.close();
            } finally {
                stopped.countDown();
            }
        }, "local-infra-stop"));
        System.out.println("\nLocal infrastructure is up, data in " + options.dataDirectory() + "\n"
                + infra.describe() + "\nCtrl-C or SIGTERM stops it.");
        // the JVM exits once the hook has run; until then there is nothing for this thread to do
        stopped.await();
        return 0;
    }

    static final class TopicSpecConverter implements ITypeConverter<TopicSpec> {
        @Override
        public TopicSpec convert(String value) {
            try {
                return TopicSpec.parse(value.trim());
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** 0 asks for a free port. */
    static final class PortConverter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                int port = Integer.parseInt(value);
                if (port >= 0 && port <= 65535) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // refused below, with the value
            }
            throw new TypeConversionException("a port number 0-65535, not '" + value + "'");
        }
    }
}
