package ai.persona.deploy.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import ai.persona.deploy.Finding;
import ai.persona.deploy.ManifestRule;
import ai.persona.deploy.manifest.Manifest;
import ai.persona.deploy.manifest.Manifests;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;

/**
 * A NetworkPolicy lets the {@code monitoring} namespace in on the management port only (health and metrics: the
 * container port named {@code management}), never on an API port or on every port: the scraper holds no service key,
 * and the gateway's API is public only through its own policy.
 */
public final class MonitoringIngressRule implements ManifestRule {

    private static final String MONITORING = "monitoring";
    private static final String MANAGEMENT = "management";
    private static final String NAMESPACE_LABEL = "kubernetes.io/metadata.name";

    @Override
    public List<Finding> check(Manifests manifests) {
        Set<String> managementPorts = managementPorts(manifests);
        List<Finding> findings = new ArrayList<>();
        for (Manifest manifest : manifests.ofType(NetworkPolicy.class)) {
            NetworkPolicy policy = (NetworkPolicy) manifest.resource();
            List<NetworkPolicyIngressRule> ingress = policy.getSpec() == null ? null : policy.getSpec().getIngress();
            for (NetworkPolicyIngressRule rule : Optional.ofNullable(ingress).orElse(List.of())) {
                if (!fromMonitoring(rule)) {
                    continue;
                }
                List<NetworkPolicyPort> ports = Optional.ofNullable(rule.getPorts()).orElse(List.of());
                if (ports.isEmpty()) {
                    findings.add(new Finding(manifest.where(), "admits the monitoring namespace on every port"));
                }
                ports.stream().map(NetworkPolicyPort::getPort).map(MonitoringIngressRule::text)
                        .filter(port -> !managementPorts.contains(port) && !MANAGEMENT.equals(port))
                        .forEach(port -> findings.add(new Finding(manifest.where(), "admits the monitoring namespace "
                                + "to port " + port + ", not a management port " + managementPorts)));
            }
        }
        return findings;
    }

    /** The management ports of the Deployments' containers: the ports named {@code management}. */
    private static Set<String> managementPorts(Manifests manifests) {
        Set<String> ports = new TreeSet<>();
        for (Pod pod : Pod.of(manifests)) {
            pod.spec().getContainers().stream()
                    .flatMap(c -> Optional.ofNullable(c.getPorts()).orElse(List.of()).stream())
                    .filter(p -> MANAGEMENT.equals(p.getName()) && p.getContainerPort() != null)
                    .forEach(p -> ports.add(String.valueOf(p.getContainerPort())));
        }
        return ports;
    }

    private static boolean fromMonitoring(NetworkPolicyIngressRule rule) {
        return Optional.ofNullable(rule.getFrom()).orElse(List.of()).stream()
                .map(NetworkPolicyPeer::getNamespaceSelector)
                .filter(Objects::nonNull)
                .map(LabelSelector::getMatchLabels)
                .filter(Objects::nonNull)
                .anyMatch(labels -> MONITORING.equals(labels.get(NAMESPACE_LABEL)));
    }

    private static String text(IntOrString port) {
        if (port == null) {
            return "(any)";
        }
        return port.getIntVal() != null ? String.valueOf(port.getIntVal()) : port.getStrVal();
    }
}
