package ai.persona.deploy.environment;

import java.util.List;
import java.util.Optional;

import ai.persona.deploy.manifest.Manifest;
import ai.persona.deploy.manifest.Manifests;
import ai.persona.deploy.service.ServiceContract;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * The container a service runs in: in the Deployment named after it, the container named after it, else the first.
 *
 * @param where the words that place a finding about it
 */
record ServiceContainer(String where, Container container) {

    static Optional<ServiceContainer> of(Manifests manifests, ServiceContract service) {
        Optional<Manifest> deployment = manifests.deployment(service.name());
        if (deployment.isEmpty()) {
            return Optional.empty();
        }
        PodSpec pod = ((Deployment) deployment.get().resource()).getSpec().getTemplate().getSpec();
        List<Container> containers = pod.getContainers() == null ? List.of() : pod.getContainers();
        return containers.stream()
                .filter(c -> service.name().equals(c.getName()))
                .findFirst()
                .or(() -> containers.stream().findFirst())
                .map(c -> new ServiceContainer(deployment.get().where() + " container " + c.getName(), c));
    }
}
