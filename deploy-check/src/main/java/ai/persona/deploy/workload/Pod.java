package ai.persona.deploy.workload;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import ai.persona.deploy.manifest.Manifest;
import ai.persona.deploy.manifest.Manifests;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * The pod template of a Deployment that has containers ({@link PodRule} reports the others), for the rules that look
 * at its containers.
 */
record Pod(Manifest manifest, Deployment deployment, PodSpec spec) {

    /** A container with the words that place a finding about it. */
    record PlacedContainer(String where, Container container) {
    }

    /** The pod template of the Deployment, or null when it has none. */
    static PodSpec specOf(Deployment deployment) {
        return deployment.getSpec() == null || deployment.getSpec().getTemplate() == null ? null
                : deployment.getSpec().getTemplate().getSpec();
    }

    static boolean hasContainers(PodSpec spec) {
        return spec != null && spec.getContainers() != null && !spec.getContainers().isEmpty();
    }

    /** Every Deployment's pod that has containers. */
    static List<Pod> of(Manifests manifests) {
        return manifests.ofType(Deployment.class).stream()
                .map(m -> new Pod(m, (Deployment) m.resource(), specOf((Deployment) m.resource())))
                .filter(pod -> hasContainers(pod.spec()))
                .toList();
    }

    List<PlacedContainer> containers() {
        return spec.getContainers().stream()
                .map(c -> new PlacedContainer(manifest.where() + " container " + c.getName(), c)).toList();
    }

    List<PlacedContainer> initContainers() {
        return Optional.ofNullable(spec.getInitContainers()).orElse(List.of()).stream()
                .map(c -> new PlacedContainer(manifest.where() + " init container " + c.getName(), c)).toList();
    }

    /** The containers, then the init containers. */
    List<PlacedContainer> allContainers() {
        return Stream.concat(containers().stream(), initContainers().stream()).toList();
    }
}
