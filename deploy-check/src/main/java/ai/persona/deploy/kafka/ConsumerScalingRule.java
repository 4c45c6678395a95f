package ai.persona.deploy.kafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import ai.persona.deploy.Finding;
import ai.persona.deploy.ManifestRule;
import ai.persona.deploy.manifest.Manifest;
import ai.persona.deploy.manifest.Manifests;
import ai.persona.deploy.service.ServiceContract;

/**
 * No service runs more replicas than a topic it consumes has partitions: in a consumer group, the extra consumers
 * would get no partition and stay idle.
 */
public final class ConsumerScalingRule implements ManifestRule {

    private final List<ServiceContract> services;

    public ConsumerScalingRule(Collection<ServiceContract> services) {
        this.services = List.copyOf(services);
    }

    @Override
    public List<Finding> check(Manifests manifests) {
        List<Finding> findings = new ArrayList<>();
        Map<String, Manifest> declared = manifests.kafkaTopics();
        for (ServiceContract service : services) {
            Integer replicas = manifests.deploymentReplicas(service.name());
            for (String topic : service.consumedTopics()) {
                Integer partitions = declared.containsKey(topic)
                        ? Manifests.integer(Manifests.generic(declared.get(topic)).get("spec", "partitions")) : null;
                if (replicas != null && partitions != null && replicas > partitions) {
                    findings.add(new Finding("service " + service.name(), replicas + " replicas consume topic " + topic
                            + " of " + partitions + " partitions: the extra consumers would stay idle"));
                }
            }
        }
        return findings;
    }
}
