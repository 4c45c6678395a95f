package ai.persona.infra;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A combined broker/controller started the way {@code kafka-server-start.sh} does, on a fixed port and a kept
 * log directory. The test kit behind {@link EmbeddedKafkaBroker} cannot do either: it binds random ports and
 * formats a fresh cluster every time. Stopping and starting one of these again gives the same address and data.
 */
public final class PersistentKafkaBroker implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PersistentKafkaBroker.class);
    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";

    private final KafkaRaftServer server;
    private final int port;

    private PersistentKafkaBroker(KafkaRaftServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts on {@code port} (0 picks a free one) with its log in {@code dataDirectory}, formatting it on first use. */
    public static PersistentKafkaBroker start(int port, Path dataDirectory) {
        QuietLogging.kafkaBroker();
        int brokerPort = port == 0 ? freePort() : port;
        // only this process talks to the controller, so its port need not be stable across runs
        KafkaConfig config = new KafkaConfig(config(brokerPort, freePort(), dataDirectory), false);
        formatIfNew(dataDirectory);
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            server.startup();
        } catch (RuntimeException e) {
            server.shutdown();
            throw new IllegalStateException("Kafka did not start on port " + brokerPort + " (in use?)", e);
        }
        LOG.infof("Kafka started at localhost:%d with data in %s", brokerPort, dataDirectory);
        return new PersistentKafkaBroker(server, brokerPort);
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public void createTopics(TopicSpec... topics) {
        KafkaTopics.createIfAbsent(bootstrapServers(), List.of(topics));
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        LOG.infof("Kafka at localhost:%d stopped", port);
    }

    private static Map<String, Object> config(int brokerPort, int controllerPort, Path dataDirectory) {
        Map<String, Object> props = new HashMap<>(BrokerDefaults.SINGLE_NODE);
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(NODE_ID));
        props.put("listeners", "PLAINTEXT://localhost:" + brokerPort + "," + CONTROLLER_LISTENER + "://localhost:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://localhost:" + brokerPort);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
        props.put("log.dirs", dataDirectory.toAbsolutePath().toString());
        return props;
    }

    private static void formatIfNew(Path dataDirectory) {
        if (Files.exists(dataDirectory.resolve("meta.properties"))) {
            return;
        }
        String dir = dataDirectory.toAbsolutePath().toString();
        try {
            Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        KafkaStorage.format(NODE_ID, Uuid.randomUuid().toString(), Set.of(dir), Optional.of(dir), CONTROLLER_LISTENER);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
