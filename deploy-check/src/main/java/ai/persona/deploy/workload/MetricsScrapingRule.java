package ai.persona.deploy.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ai.persona.deploy.Finding;
import ai.persona.deploy.ManifestRule;
import ai.persona.deploy.manifest.Manifests;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ObjectMeta;

/**
 * Every Deployment's pods are annotated for a Prometheus that discovers pods by annotation, on the management port one
 * of its containers serves (Quarkus's management interface, named {@code management}), not on the API port.
 */
public final class MetricsScrapingRule implements ManifestRule {

    private static final String MANAGEMENT = "management";

    @Override
    public List<Finding> check(Manifests manifests) {
        List<Finding> findings = new ArrayList<>();
        for (Pod pod : Pod.of(manifests)) {
            ObjectMeta template = pod.deployment().getSpec().getTemplate().getMetadata();
            Map<String, String> annotations = template == null ? null : template.getAnnotations();
            String where = pod.manifest().where();
            if (annotations == null || !"true".equals(annotations.get("prometheus.io/scrape"))) {
                findings.add(new Finding(where, "its pods are not annotated prometheus.io/scrape: \"true\""));
                continue;
            }
            String port = annotations.get("prometheus.io/port");
            Optional<ContainerPort> served = pod.spec().getContainers().stream()
                    .flatMap(c -> Optional.ofNullable(c.getPorts()).orElse(List.of()).stream())
                    .filter(p -> p.getContainerPort() != null && String.valueOf(p.getContainerPort()).equals(port))
                    .findFirst();
            if (served.isEmpty()) {
                findings.add(new Finding(where, "prometheus.io/port " + port + " is not a port of its containers"));
            } else if (!MANAGEMENT.equals(served.get().getName())) {
                findings.add(new Finding(where, "prometheus.io/port " + port + " is not its management port (the "
                        + "container port named " + MANAGEMENT + "): metrics would share a port with the API"));
            }
        }
        return findings;
    }
}
