package ai.persona.deploy.manifest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * The documents under deploy/k8s/ (or a fixture), with the look-ups the rules share: by fabric8 type, by operator kind
 * (Strimzi, CloudNativePG: generic resources, their fields read by path), by name.
 */
public final class Manifests {

    private static final String STRIMZI = "kafka.strimzi.io/";
    private static final String CLOUDNATIVE_PG = "postgresql.cnpg.io/";

    private final List<Manifest> all;

    public Manifests(List<Manifest> all) {
        this.all = List.copyOf(all);
    }

    public List<Manifest> all() {
        return all;
    }

    /** The documents read into a fabric8 type ({@code Deployment}, {@code ConfigMap}...). */
    public List<Manifest> ofType(Class<? extends HasMetadata> type) {
        return all.stream().filter(m -> type.isInstance(m.resource())).toList();
    }

    public Optional<Manifest> deployment(String name) {
        return ofType(Deployment.class).stream().filter(m -> name.equals(m.name())).findFirst();
    }

    /** The replicas of the Deployment of that name, null when it has none or sets none. */
    public Integer deploymentReplicas(String name) {
        return deployment(name).map(m -> ((Deployment) m.resource()).getSpec().getReplicas()).orElse(null);
    }

    public Optional<ConfigMap> configMap(String name) {
        return ofType(ConfigMap.class).stream().filter(m -> name.equals(m.name()))
                .map(m -> (ConfigMap) m.resource()).findFirst();
    }

    /** Strimzi's resources of a kind ({@code Kafka}, {@code KafkaTopic}, {@code KafkaUser}, {@code KafkaNodePool}). */
    public List<Manifest> strimzi(String kind) {
        return custom(STRIMZI, kind);
    }

    /** CloudNativePG's resources of a kind ({@code Cluster}, {@code Database}). */
    public List<Manifest> cloudNativePg(String kind) {
        return custom(CLOUDNATIVE_PG, kind);
    }

    /** The declared KafkaTopics by the name of their topic ({@code spec.topicName}, else the resource's name). */
    public Map<String, Manifest> kafkaTopics() {
        Map<String, Manifest> declared = new LinkedHashMap<>();
        for (Manifest m : strimzi("KafkaTopic")) {
            String name = Optional.ofNullable(generic(m).<String>get("spec", "topicName")).orElse(m.name());
            declared.put(name, m);
        }
        return declared;
    }

    /** An operator's resource, its fields read by path. */
    public static GenericKubernetesResource generic(Manifest manifest) {
        return (GenericKubernetesResource) manifest.resource();
    }

    /** A YAML number, written as a number or as a string of digits; null otherwise. */
    public static Integer integer(Object value) {
        if (value instanceof Number n) {
            return n.intValue();
        }
        if (value instanceof String s && s.matches("\\d+")) {
            return Integer.valueOf(s);
        }
        return null;
    }

    private List<Manifest> custom(String apiGroupPrefix, String kind) {
        return all.stream()
                .filter(m -> m.resource() instanceof GenericKubernetesResource r && kind.equals(r.getKind())
                        && r.getApiVersion() != null && r.getApiVersion().startsWith(apiGroupPrefix))
                .toList();
    }
}
