package ai.persona.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import ai.persona.events.EventContract;
import ai.persona.events.PersonaService;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * Who may do what on the broker, against {@link EventContract}: every listener of a Kafka authenticates and the
 * cluster authorizes; each service has a Strimzi KafkaUser whose ACLs allow Write on exactly the topics it produces
 * (and the dead-letter topic when it consumes), Read on exactly those it consumes and on its own consumer groups,
 * nothing else; no other KafkaUser may write a topic of the contract; each service's Deployment logs in as its own
 * user. A finding per disagreement.
 */
public final class KafkaAccessRule {

    private static final String JAAS_VARIABLE = "KAFKA_SASL_JAAS_CONFIG";

    private final List<Manifest> manifests;

    public KafkaAccessRule(List<Manifest> manifests) {
        this.manifests = List.copyOf(manifests);
    }

    /** The Secrets Strimzi generates here, by name, with their keys: a login per KafkaUser, each cluster's CA. */
    static Map<String, Set<String>> generatedSecrets(List<Manifest> manifests) {
        Map<String, Set<String>> secrets = new LinkedHashMap<>();
        for (GenericKubernetesResource user : resources(strimzi(manifests, "KafkaUser"))) {
            String type = user.get("spec", "authentication", "type");
            secrets.put(user.getMetadata().getName(), "tls".equals(type)
                    ? Set.of("ca.crt", "user.crt", "user.key", "user.p12", "user.password")
                    : Set.of("password", "sasl.jaas.config"));
        }
        for (GenericKubernetesResource kafka : resources(strimzi(manifests, "Kafka"))) {
            secrets.put(kafka.getMetadata().getName() + "-cluster-ca-cert", Set.of("ca.crt", "ca.p12", "ca.password"));
        }
        return secrets;
    }

    public List<Finding> check() {
        List<Finding> findings = new ArrayList<>();
        strimzi(manifests, "Kafka").forEach(kafka -> listeners(findings, kafka));
        Map<String, Manifest> users = new LinkedHashMap<>();
        strimzi(manifests, "KafkaUser").forEach(user -> users.put(user.name(), user));
        for (PersonaService service : PersonaService.values()) {
            Manifest user = users.get(service.id());
            if (user == null) {
                findings.add(new Finding("service " + service.id(), "has no KafkaUser named " + service.id()));
            } else {
                findings.addAll(acls(user).against(service));
            }
            login(findings, service);
        }
        users.values().stream()
                .filter(user -> PersonaService.byId(user.name()) == null)
                .forEach(user -> findings.addAll(acls(user).writesNoContractTopic()));
        return findings;
    }

    private void listeners(List<Finding> findings, Manifest manifest) {
        GenericKubernetesResource kafka = (GenericKubernetesResource) manifest.resource();
        String where = manifest.where();
        if (kafka.get("spec", "kafka", "authorization", "type") == null) {
            findings.add(new Finding(where, "has no authorization: every client could read and write every topic"));
        }
        Object listeners = kafka.get("spec", "kafka", "listeners");
        for (Object listener : listeners instanceof List<?> list ? list : List.of()) {
            if (listener instanceof Map<?, ?> map && !(map.get("authentication") instanceof Map<?, ?>)) {
                findings.add(new Finding(where, "listener " + map.get("name") + " does not authenticate its clients"));
            }
        }
    }

    // the service's Deployment takes its broker login from its own KafkaUser's Secret
    private void login(List<Finding> findings, PersonaService service) {
        Optional<Deployment> deployment = manifests.stream()
                .filter(m -> m.resource() instanceof Deployment && service.id().equals(m.name()))
                .map(m -> (Deployment) m.resource()).findFirst();
        if (deployment.isEmpty()) {
            return;
        }
        Optional<EnvVar> jaas = deployment.get().getSpec().getTemplate().getSpec().getContainers().stream()
                .flatMap(c -> Optional.ofNullable(c.getEnv()).orElse(List.of()).stream())
                .filter(env -> JAAS_VARIABLE.equals(env.getName())).findFirst();
        String secret = jaas.map(EnvVar::getValueFrom).map(from -> from.getSecretKeyRef())
                .map(ref -> ref.getName()).orElse(null);
        if (!service.id().equals(secret)) {
            findings.add(new Finding("service " + service.id(), JAAS_VARIABLE + " must come from the Secret of its own "
                    + "KafkaUser " + service.id() + ", not " + (secret == null ? "elsewhere" : "Secret " + secret)));
        }
    }

    private static KafkaAcls acls(Manifest user) {
        return KafkaAcls.of(user.where(), (GenericKubernetesResource) user.resource());
    }

    private static List<Manifest> strimzi(List<Manifest> manifests, String kind) {
        return manifests.stream()
                .filter(m -> m.resource() instanceof GenericKubernetesResource r && kind.equals(r.getKind())
                        && r.getApiVersion() != null && r.getApiVersion().startsWith("kafka.strimzi.io/"))
                .toList();
    }

    private static List<GenericKubernetesResource> resources(List<Manifest> manifests) {
        return manifests.stream().map(m -> (GenericKubernetesResource) m.resource()).toList();
    }
}
