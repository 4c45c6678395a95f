package ai.persona.deploy.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import ai.persona.deploy.Finding;
import ai.persona.deploy.ManifestRule;
import ai.persona.deploy.manifest.Manifest;
import ai.persona.deploy.manifest.Manifests;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/**
 * Every KafkaTopic declares its partitions and replication factor, belongs to a declared Kafka cluster (its label
 * {@code strimzi.io/cluster}), and has no more replicas than that cluster has brokers.
 */
public final class KafkaTopicRule implements ManifestRule {

    @Override
    public List<Finding> check(Manifests manifests) {
        List<Finding> findings = new ArrayList<>();
        for (Manifest m : manifests.strimzi("KafkaTopic")) {
            GenericKubernetesResource topic = Manifests.generic(m);
            Integer partitions = Manifests.integer(topic.get("spec", "partitions"));
            Integer replicas = Manifests.integer(topic.get("spec", "replicas"));
            if (partitions == null || partitions < 1) {
                findings.add(new Finding(m.where(), "declares no partition count"));
            }
            if (replicas == null || replicas < 1) {
                findings.add(new Finding(m.where(), "declares no replication factor"));
            }
            String cluster = clusterLabel(m);
            if (cluster == null || manifests.strimzi("Kafka").stream().noneMatch(k -> cluster.equals(k.name()))) {
                findings.add(new Finding(m.where(), "its label strimzi.io/cluster names no declared Kafka: " + cluster));
                continue;
            }
            int brokers = brokers(manifests, cluster);
            if (replicas != null && replicas > brokers) {
                findings.add(new Finding(m.where(), replicas + " replicas but Kafka " + cluster + " has " + brokers + " brokers"));
            }
        }
        return findings;
    }

    /** The replicas of the cluster's node pools that have the broker role. */
    private static int brokers(Manifests manifests, String cluster) {
        return manifests.strimzi("KafkaNodePool").stream()
                .filter(p -> cluster.equals(clusterLabel(p)))
                .map(Manifests::generic)
                .filter(p -> String.valueOf(p.<Object>get("spec", "roles")).contains("broker"))
                .mapToInt(p -> Optional.ofNullable(Manifests.integer(p.get("spec", "replicas"))).orElse(0))
                .sum();
    }

    private static String clusterLabel(Manifest m) {
        return m.resource().getMetadata().getLabels() == null ? null
                : m.resource().getMetadata().getLabels().get("strimzi.io/cluster");
    }
}
