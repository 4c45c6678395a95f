package ai.persona.deploy.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ai.persona.deploy.Finding;
import ai.persona.deploy.ManifestRule;
import ai.persona.deploy.manifest.Manifest;
import ai.persona.deploy.manifest.Manifests;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/** Every Service with a selector selects the pods of a Deployment declared here. */
public final class ServiceSelectorRule implements ManifestRule {

    @Override
    public List<Finding> check(Manifests manifests) {
        List<Finding> findings = new ArrayList<>();
        for (Manifest m : manifests.ofType(Service.class)) {
            Service service = (Service) m.resource();
            if (service.getSpec() == null || service.getSpec().getSelector() == null) {
                continue;
            }
            Map<String, String> selector = service.getSpec().getSelector();
            boolean selects = manifests.ofType(Deployment.class).stream()
                    .map(d -> ((Deployment) d.resource()).getSpec().getTemplate().getMetadata().getLabels())
                    .anyMatch(labels -> labels != null && labels.entrySet().containsAll(selector.entrySet()));
            if (!selects) {
                findings.add(new Finding(m.where(), "selects no Deployment's pods: " + selector));
            }
        }
        return findings;
    }
}
