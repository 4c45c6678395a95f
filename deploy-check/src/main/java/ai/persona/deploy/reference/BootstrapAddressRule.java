package ai.persona.deploy.reference;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import ai.persona.deploy.Finding;
import ai.persona.deploy.ManifestRule;
import ai.persona.deploy.manifest.Manifest;
import ai.persona.deploy.manifest.Manifests;

/**
 * Every server of {@code KAFKA_BOOTSTRAP_SERVERS} in a ConfigMap is the bootstrap service of a declared Strimzi Kafka
 * ({@code <cluster>-kafka-bootstrap}), on the port of one of its listeners.
 */
public final class BootstrapAddressRule implements ManifestRule {

    static final String BOOTSTRAP_KEY = "KAFKA_BOOTSTRAP_SERVERS";

    @Override
    public List<Finding> check(Manifests manifests) {
        List<Finding> findings = new ArrayList<>();
        for (ConfigMapEntry entry : ConfigMapEntry.in(manifests)) {
            if (!entry.key().equals(BOOTSTRAP_KEY)) {
                continue;
            }
            for (String server : entry.value().split(",")) {
                URI uri = URI.create("kafka://" + server.trim());
                Optional<Manifest> kafka = manifests.strimzi("Kafka").stream()
                        .filter(k -> uri.getHost() != null && uri.getHost().startsWith(k.name() + "-kafka-bootstrap"))
                        .findFirst();
                if (kafka.isEmpty()) {
                    findings.add(new Finding(entry.where(), server + " is not the bootstrap service of a declared Kafka"));
                } else if (!listenerPorts(kafka.get()).contains(uri.getPort())) {
                    findings.add(new Finding(entry.where(), "Kafka " + kafka.get().name()
                            + " has no listener on port " + uri.getPort()));
                }
            }
        }
        return findings;
    }

    private static Set<Integer> listenerPorts(Manifest kafka) {
        Set<Integer> ports = new TreeSet<>();
        Object listeners = Manifests.generic(kafka).get("spec", "kafka", "listeners");
        for (Object listener : listeners instanceof List<?> list ? list : List.of()) {
            if (listener instanceof Map<?, ?> map) {
                Optional.ofNullable(Manifests.integer(map.get("port"))).ifPresent(ports::add);
            }
        }
        return ports;
    }
}
