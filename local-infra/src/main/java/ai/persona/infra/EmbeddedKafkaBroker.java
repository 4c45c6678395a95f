package ai.persona.infra;

import kafka.server.BrokerServer;
import kafka.server.ControllerServer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A single-node KRaft cluster (one process acting as broker and controller) from Kafka's own test kit,
 * on a random free port and a temporary directory. Meant for tests; see {@link PersistentKafkaBroker} for a
 * broker on a fixed port with kept data.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedKafkaBroker.class);

    private final KafkaClusterTestKit cluster;
    private final String bootstrapServers;
    private boolean brokerRunning = true;

    private EmbeddedKafkaBroker(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
        this.bootstrapServers = cluster.bootstrapServers();
    }

    public static EmbeddedKafkaBroker start() {
        QuietLogging.kafkaBroker();
        long started = System.nanoTime();
        TestKitNodes nodes = new TestKitNodes.Builder(KafkaStorage.bootstrapMetadata())
                // the kit's default directory is deleted by a shutdown hook of its own, which can run while our
                // hook is still stopping the broker; close() deletes this one after the broker is down
                .setBaseDirectory(temporaryDirectory())
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .build();
        KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes);
        BrokerDefaults.SINGLE_NODE.forEach(builder::setConfigProp);
        // the kit enables unreleased protocol versions; the services must work against what a real 4.1 broker offers
        builder.setConfigProp("unstable.api.versions.enable", "false");
        builder.setConfigProp("unstable.feature.versions.enable", "false");
        KafkaClusterTestKit cluster = null;
        try {
            cluster = builder.build();
            format(cluster);
            cluster.startup();
            cluster.waitForReadyBrokers();
        } catch (Exception e) {
            closeQuietly(cluster);
            throw new IllegalStateException("Embedded Kafka did not start", e);
        }
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(cluster);
        LOG.infof("Kafka started at %s in %d ms", broker.bootstrapServers, (System.nanoTime() - started) / 1_000_000);
        return broker;
    }

    /** {@link KafkaClusterTestKit#format()} for our single combined node, minus its report on System.out. */
    private static void format(KafkaClusterTestKit cluster) {
        ControllerServer controller = cluster.controllers().values().iterator().next();
        MetaPropertiesEnsemble ensemble = controller.sharedServer().metaPropsEnsemble();
        KafkaStorage.format(ensemble.nodeId().getAsInt(), ensemble.clusterId().orElseThrow(),
                ensemble.logDirProps().keySet(), ensemble.metadataLogDir(),
                cluster.nodes().controllerListenerName().value());
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public void createTopics(TopicSpec... topics) {
        KafkaTopics.createIfAbsent(bootstrapServers, List.of(topics));
    }

    /**
     * Takes the broker role offline while the controller and all data stay; clients see connection refused,
     * as with a crashed broker. {@link #startBroker()} brings it back on the same port.
     */
    public synchronized void stopBroker() {
        broker().shutdown();
        brokerRunning = false;
    }

    /** The test kit rebinds the port it handed out first, so clients reconnect to the same address. */
    public synchronized void startBroker() {
        if (brokerRunning) {
            return;
        }
        broker().startup();
        brokerRunning = true;
        try {
            cluster.waitForReadyBrokers();
        } catch (Exception e) {
            throw new IllegalStateException("Kafka broker did not come back", e);
        }
    }

    /** Lets the next user of a shared broker recover from a test that stopped it and failed before restarting it. */
    public synchronized void ensureBrokerRunning() {
        if (!brokerRunning) {
            LOG.warn("Kafka broker was left stopped by an earlier test; starting it again");
            startBroker();
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("embedded-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private BrokerServer broker() {
        return cluster.brokers().values().iterator().next();
    }

    @Override
    public void close() {
        try {
            cluster.close();
        } catch (Exception e) {
            throw new IllegalStateException("Embedded Kafka did not stop cleanly", e);
        }
    }

    private static void closeQuietly(KafkaClusterTestKit cluster) {
        if (cluster == null) {
            return;
        }
        try {
            cluster.close();
        } catch (Exception e) {
            LOG.warn("Could not close a half-started Kafka cluster", e);
        }
    }
}
