package ai.persona.deploy.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ai.persona.deploy.Finding;
import ai.persona.deploy.ManifestRule;
import ai.persona.deploy.manifest.Manifests;
import ai.persona.deploy.workload.Pod.PlacedContainer;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;

/** Every container and init container requests and limits cpu and memory, a request no more than its limit. */
public final class ResourceRule implements ManifestRule {

    private static final List<String> RESOURCES = List.of("cpu", "memory");

    @Override
    public List<Finding> check(Manifests manifests) {
        List<Finding> findings = new ArrayList<>();
        for (Pod pod : Pod.of(manifests)) {
            for (PlacedContainer c : pod.allContainers()) {
                resources(findings, c.where(), c.container().getResources());
            }
        }
        return findings;
    }

    private static void resources(List<Finding> findings, String where, ResourceRequirements resources) {
        Map<String, Quantity> requests = resources == null || resources.getRequests() == null ? Map.of()
                : resources.getRequests();
        Map<String, Quantity> limits = resources == null || resources.getLimits() == null ? Map.of()
                : resources.getLimits();
        for (String resource : RESOURCES) {
            if (!requests.containsKey(resource)) {
                findings.add(new Finding(where, "has no " + resource + " request"));
            }
            if (!limits.containsKey(resource)) {
                findings.add(new Finding(where, "has no " + resource + " limit"));
            }
            if (requests.containsKey(resource) && limits.containsKey(resource) && Quantity
                    .getAmountInBytes(requests.get(resource)).compareTo(Quantity.getAmountInBytes(limits.get(resource))) > 0) {
                findings.add(new Finding(where, "requests more " + resource + " than its limit"));
            }
        }
    }
}
