package ai.persona.deploy.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import ai.persona.deploy.Finding;
import ai.persona.deploy.ManifestRule;
import ai.persona.deploy.manifest.Manifest;
import ai.persona.deploy.manifest.Manifests;

/** Every namespaced resource is in a namespace declared here: nothing lands in {@code default} by omission. */
public final class NamespaceRule implements ManifestRule {

    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "CustomResourceDefinition", "PriorityClass", "StorageClass", "PersistentVolume");

    @Override
    public List<Finding> check(Manifests manifests) {
        List<Finding> findings = new ArrayList<>();
        Set<String> namespaces = new TreeSet<>();
        manifests.all().stream().filter(m -> m.is("Namespace", null)).forEach(m -> namespaces.add(m.name()));
        for (Manifest m : manifests.all()) {
            if (CLUSTER_SCOPED.contains(m.kind())) {
                continue;
            }
            String ns = m.resource().getMetadata().getNamespace();
            if (ns == null || !namespaces.contains(ns)) {
                findings.add(new Finding(m.where(), "is in namespace " + ns + ", not one declared here " + namespaces));
            }
        }
        return findings;
    }
}
