package ai.persona.deploy.kafka;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ai.persona.deploy.Finding;
import ai.persona.deploy.ManifestRule;
import ai.persona.deploy.manifest.Manifest;
import ai.persona.deploy.manifest.Manifests;
import ai.persona.events.EventContract;
import ai.persona.events.PersonaService;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * Who may do what on the broker, against {@link EventContract} (each service's {@code KafkaAccess}, which the local
 * broker's ACLs are made from too): every listener of a Kafka authenticates and the
 * cluster authorizes; each service has a Strimzi KafkaUser whose ACLs allow Write on exactly the topics it produces
 * (and the dead-letter topic when it consumes), Read on exactly those it consumes and on its own consumer groups,
 * nothing else; no other KafkaUser may write a topic of the contract; each service's Deployment logs in as its own
 * user. A finding per disagreement.
 */
public final class KafkaAccessRule implements ManifestRule {

    private static final String JAAS_VARIABLE = "KAFKA_SASL_JAAS_CONFIG";

    @Override
    public List<Finding> check(Manifests manifests) {
        List<Finding> findings = new ArrayList<>();
        manifests.strimzi("Kafka").forEach(kafka -> listeners(findings, kafka));
        Map<String, Manifest> users = new LinkedHashMap<>();
        manifests.strimzi("KafkaUser").forEach(user -> users.put(user.name(), user));
        for (PersonaService service : PersonaService.values()) {
            Manifest user = users.get(service.id());
            if (user == null) {
                findings.add(new Finding("service " + service.id(), "has no KafkaUser named " + service.id()));
            } else {
                findings.addAll(acls(user).against(service));
            }
            manifests.deployment(service.id()).ifPresent(d -> login(findings, service, (Deployment) d.resource()));
        }
        users.values().stream()
                .filter(user -> PersonaService.byId(user.name()) == null)
                .forEach(user -> findings.addAll(acls(user).writesNoContractTopic()));
        return findings;
    }

    private static void listeners(List<Finding> findings, Manifest manifest) {
        GenericKubernetesResource kafka = Manifests.generic(manifest);
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
    private static void login(List<Finding> findings, PersonaService service, Deployment deployment) {
        Optional<EnvVar> jaas = deployment.getSpec().getTemplate().getSpec().getContainers().stream()
                .flatMap(c -> Optional.ofNullable(c.getEnv()).orElse(List.of()).stream())
                .filter(env -> JAAS_VARIABLE.equals(env.getName()))
                .findFirst();
        String secret = jaas.map(EnvVar::getValueFrom)
                .map(EnvVarSource::getSecretKeyRef)
                .map(SecretKeySelector::getName)
                .orElse(null);
        if (!service.id().equals(secret)) {
            findings.add(new Finding("service " + service.id(), JAAS_VARIABLE + " must come from the Secret of its own "
                    + "KafkaUser " + service.id() + ", not " + (secret == null ? "elsewhere" : "Secret " + secret)));
        }
    }

    private static KafkaAcls acls(Manifest user) {
        return KafkaAcls.of(user.where(), Manifests.generic(user));
    }
}
