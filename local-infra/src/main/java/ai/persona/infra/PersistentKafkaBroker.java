package ai.persona.infra;

import kafka.server.KafkaConfig;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/**
 * A combined broker/controller started the way {@code kafka-server-start.sh} does, on a fixed port and a kept
 * log directory. The test kit behind {@link EmbeddedKafkaBroker} cannot do either: it binds random ports and
 * formats a fresh cluster every time. Stopping and starting one of these again gives the same address and data.
 * Like the deployed cluster it authenticates every client and authorizes with ACLs ({@link BrokerSecurity}): each
 * service logs in as its own SCRAM user, with the logins kept in {@link #LOGINS_FILE} of the data directory.
 */
public final class PersistentKafkaBroker implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PersistentKafkaBroker.class);
    private static final int NODE_ID = 1;
    private static final String CLIENT_LISTENER = "CLIENTS";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    /** Beside the log (Kafka loads only directories there), mode 0600. */
    public static final String LOGINS_FILE = "logins.properties";

    private final KafkaRaftServer server;
    private final int port;
    private final KafkaLogins logins;

    private PersistentKafkaBroker(KafkaRaftServer server, int port, KafkaLogins logins) {
        this.server = server;
        this.port = port;
        this.logins = logins;
    }

    /** Starts on {@code port} (0 picks a free one) with its log in {@code dataDirectory}, formatting it on first use. */
    public static PersistentKafkaBroker start(int port, Path dataDirectory) {
        QuietLogging.kafkaBroker();
        int brokerPort = port == 0 ? FreePorts.any() : port;
        String nodePassword = KafkaLogins.newPassword();
        // only this process talks to the controller, so its port need not be stable across runs
        int controllerPort = FreePorts.otherThan(brokerPort);
        KafkaConfig config = new KafkaConfig(config(brokerPort, controllerPort, dataDirectory, nodePassword), false);
        formatIfNew(dataDirectory);
        KafkaLogins logins = KafkaLogins.loadOrCreate(dataDirectory.resolve(LOGINS_FILE));
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            server.startup();
        } catch (RuntimeException e) {
            server.shutdown();
            throw new IllegalStateException("Kafka did not start on port " + brokerPort + " (in use?)", e);
        }
        PersistentKafkaBroker broker = new PersistentKafkaBroker(server, brokerPort, logins);
        broker.grantUsers(nodePassword);
        LOG.infof("Kafka started at localhost:%d with data in %s", brokerPort, dataDirectory);
        return broker;
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    /** The users and their passwords: {@link KafkaLogins#ADMIN} and one per service, named by its id. */
    public KafkaLogins logins() {
        return logins;
    }

    /** A client's configuration to log in as {@code user}: the bootstrap servers, SASL_PLAINTEXT, its SCRAM login. */
    public Map<String, Object> clientConfig(String user) {
        Map<String, Object> config = new HashMap<>(logins.clientConfig(user));
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return config;
    }

    /** Creates the topics absent, as {@link KafkaLogins#ADMIN}. */
    public void createTopics(TopicSpec... topics) {
        KafkaTopics.createIfAbsent(clientConfig(KafkaLogins.ADMIN), List.of(topics));
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        LOG.infof("Kafka at localhost:%d stopped", port);
    }

    private void grantUsers(String nodePassword) {
        Map<String, Object> config = new HashMap<>(BrokerSecurity.nodeClientConfig(nodePassword));
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        try (Admin admin = Admin.create(config)) {
            KafkaUsers.grant(admin, logins);
        } catch (ExecutionException | RuntimeException e) {
            close();
            throw new IllegalStateException("Kafka started but could not create its users and ACLs", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("Interrupted while creating the Kafka users", e);
        }
    }

    private static Map<String, Object> config(int brokerPort, int controllerPort, Path dataDirectory, String nodePassword) {
        Map<String, Object> props = new HashMap<>(BrokerDefaults.SINGLE_NODE);
        props.putAll(BrokerSecurity.config(CLIENT_LISTENER, CONTROLLER_LISTENER, nodePassword));
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(NODE_ID));
        props.put("listeners", CLIENT_LISTENER + "://localhost:" + brokerPort + "," + CONTROLLER_LISTENER + "://localhost:" + controllerPort);
        props.put("advertised.listeners", CLIENT_LISTENER + "://localhost:" + brokerPort);
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("inter.broker.listener.name", CLIENT_LISTENER);
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
}
