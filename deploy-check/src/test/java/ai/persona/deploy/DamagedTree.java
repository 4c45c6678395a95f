package ai.persona.deploy;

import java.util.List;

import ai.persona.deploy.manifest.Manifest;
import ai.persona.deploy.manifest.ManifestReader;
import ai.persona.deploy.manifest.Manifests;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * A deep copy of the committed manifests (which have no finding, see {@link DeployManifestsTest}) for a rule's test to
 * damage one thing in memory and expect the finding.
 */
public final class DamagedTree {

    private static final List<Manifest> REAL = DeployTree.manifests();

    /** The copy: add or remove documents here. */
    public final List<Manifest> list = ManifestReader.copy(REAL);

    public Manifests manifests() {
        return new Manifests(list);
    }

    public Manifest find(String kind, String name) {
        return list.stream().filter(m -> m.is(kind, name)).findFirst().orElseThrow();
    }

    public Deployment deployment(String name) {
        return (Deployment) find("Deployment", name).resource();
    }

    /** The Deployment's first container. */
    public Container container(String deployment) {
        return deployment(deployment).getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    public GenericKubernetesResource generic(String kind, String name) {
        return (GenericKubernetesResource) find(kind, name).resource();
    }

    public ConfigMap config() {
        return (ConfigMap) find("ConfigMap", "persona-config").resource();
    }
}
