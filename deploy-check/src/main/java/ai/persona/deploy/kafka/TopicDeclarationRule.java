package ai.persona.deploy.kafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import ai.persona.deploy.Finding;
import ai.persona.deploy.ManifestRule;
import ai.persona.deploy.manifest.Manifest;
import ai.persona.deploy.manifest.Manifests;
import ai.persona.deploy.service.ServiceContract;
import ai.persona.events.EventContract;

/**
 * Every topic a service's Kafka channels use (its configuration), and every topic of {@link EventContract} with the
 * dead-letter topic, is declared by a KafkaTopic.
 */
public final class TopicDeclarationRule implements ManifestRule {

    private final List<ServiceContract> services;

    public TopicDeclarationRule(Collection<ServiceContract> services) {
        this.services = List.copyOf(services);
    }

    @Override
    public List<Finding> check(Manifests manifests) {
        List<Finding> findings = new ArrayList<>();
        Map<String, Manifest> declared = manifests.kafkaTopics();
        for (ServiceContract service : services) {
            service.topics().stream()
                    .filter(topic -> !declared.containsKey(topic))
                    .forEach(topic -> findings.add(new Finding("service " + service.name(), "uses topic " + topic
                            + ", which no KafkaTopic declares")));
        }
        Set<String> contract = new TreeSet<>();
        for (EventContract event : EventContract.values()) {
            contract.add(event.topic());
        }
        contract.add(EventContract.DEAD_LETTER_TOPIC);
        contract.stream()
                .filter(topic -> !declared.containsKey(topic))
                .forEach(topic -> findings.add(new Finding("event contract", "topic " + topic + " has no KafkaTopic")));
        return findings;
    }
}
