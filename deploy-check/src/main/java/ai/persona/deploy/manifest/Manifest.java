package ai.persona.deploy.manifest;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * One YAML document under deploy/k8s/, read into the fabric8 model: the Kubernetes kinds as their own types
 * ({@code Deployment}, {@code ConfigMap}...), the operators' kinds (Strimzi, CloudNativePG) as
 * {@code GenericKubernetesResource}.
 *
 * @param file the file, relative to deploy/k8s/
 */
public record Manifest(String file, HasMetadata resource) {

    public String kind() {
        return resource.getKind();
    }

    public String name() {
        return resource.getMetadata() == null ? null : resource.getMetadata().getName();
    }

    public String where() {
        return file + " " + kind() + "/" + name();
    }

    public boolean is(String kind, String name) {
        return kind.equals(kind()) && (name == null || name.equals(name()));
    }
}
