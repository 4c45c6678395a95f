package ai.persona.infra;

import org.apache.kafka.metadata.bootstrap.BootstrapMetadata;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Formats KRaft log directories (what {@code kafka-storage.sh format} does) for both embedded brokers. */
final class KafkaStorage {

    /** The released metadata version; the test kit would otherwise pick the newest, unreleased one. */
    static final MetadataVersion VERSION = MetadataVersion.latestProduction();

    private KafkaStorage() {
    }

    static BootstrapMetadata bootstrapMetadata() {
        Map<String, Short> features = Feature.PRODUCTION_FEATURES.stream()
                .collect(Collectors.toMap(Feature::featureName, feature -> feature.defaultLevel(VERSION)));
        return BootstrapMetadata.fromVersions(VERSION, features, "local-infra");
    }

    static void format(int nodeId, String clusterId, Collection<String> logDirectories, Optional<String> metadataDirectory,
                       String controllerListener) {
        try {
            new Formatter()
                    .setNodeId(nodeId)
                    .setClusterId(clusterId)
                    .setDirectories(logDirectories)
                    .setMetadataLogDirectory(metadataDirectory)
                    .setReleaseVersion(VERSION)
                    .setControllerListenerName(controllerListener)
                    // the formatter reports on System.out, which would land in every test log
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Could not format Kafka log directories " + logDirectories, e);
        }
    }
}
