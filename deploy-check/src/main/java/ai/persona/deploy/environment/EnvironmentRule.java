package ai.persona.deploy.environment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import ai.persona.deploy.Finding;
import ai.persona.deploy.ManifestRule;
import ai.persona.deploy.manifest.Manifests;
import ai.persona.deploy.service.ServiceContract;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;

/**
 * Every variable a service reads at startup (from its configuration, see {@link ServiceContract#requiredEnv()}) is
 * provided by its Deployment, one by one or from a whole ConfigMap; and the list of variables production must set
 * still names only variables the service reads.
 */
public final class EnvironmentRule implements ManifestRule {

    private final List<ServiceContract> services;

    public EnvironmentRule(Collection<ServiceContract> services) {
        this.services = List.copyOf(services);
    }

    @Override
    public List<Finding> check(Manifests manifests) {
        List<Finding> findings = new ArrayList<>();
        for (ServiceContract service : services) {
            check(findings, manifests, service);
        }
        return findings;
    }

    private static void check(List<Finding> findings, Manifests manifests, ServiceContract service) {
        String serviceWhere = "service " + service.name();
        for (String name : service.mustSet()) {
            if (!service.envReferences().contains(name)) {
                findings.add(new Finding(serviceWhere, name + " is expected to be set by the manifest, but "
                        + "the service's configuration no longer reads it: update the list"));
            }
        }
        Optional<ServiceContainer> container = ServiceContainer.of(manifests, service);
        if (container.isEmpty()) {
            if (manifests.deployment(service.name()).isEmpty()) {
                findings.add(new Finding(serviceWhere, "has no Deployment named " + service.name()));
            }
            return;
        }
        Set<String> provided = provided(manifests, container.get().container());
        for (String name : service.requiredEnv()) {
            if (!provided.contains(name)) {
                findings.add(new Finding(container.get().where(), service.name() + " reads " + name
                        + " at startup, but the Deployment does not provide it"));
            }
        }
    }

    /** The variables set one by one, and the keys of the ConfigMaps taken whole (with their prefix). */
    private static Set<String> provided(Manifests manifests, Container container) {
        Set<String> provided = new TreeSet<>();
        Optional.ofNullable(container.getEnv()).orElse(List.of()).stream().map(EnvVar::getName).forEach(provided::add);
        for (EnvFromSource from : Optional.ofNullable(container.getEnvFrom()).orElse(List.of())) {
            String prefix = from.getPrefix() == null ? "" : from.getPrefix();
            if (from.getConfigMapRef() != null) {
                manifests.configMap(from.getConfigMapRef().getName())
                        .map(ConfigMap::getData)
                        .ifPresent(data -> data.keySet().forEach(k -> provided.add(prefix + k)));
            }
        }
        return provided;
    }
}
