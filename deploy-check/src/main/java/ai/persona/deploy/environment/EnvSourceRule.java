package ai.persona.deploy.environment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import ai.persona.deploy.Finding;
import ai.persona.deploy.ManifestRule;
import ai.persona.deploy.manifest.Manifests;
import ai.persona.deploy.secret.Credentials;
import ai.persona.deploy.service.ServiceContract;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapKeySelector;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.SecretKeySelector;

/**
 * Every variable of a service's container comes from a source that exists: a key a declared ConfigMap has, a key of a
 * Secret an operator here generates, or a Secret the operator creates by hand (documented); a credential never as a
 * plain value, and no Secret taken whole (its keys could not be checked).
 */
public final class EnvSourceRule implements ManifestRule {

    private final List<ServiceContract> services;
    private final Set<String> externalSecrets;

    /**
     * @param externalSecrets Secrets created in the cluster by the operator (documented, never committed), which
     *        Deployments may reference besides the ones the operators of deploy/k8s/infra generate
     */
    public EnvSourceRule(Collection<ServiceContract> services, Set<String> externalSecrets) {
        this.services = List.copyOf(services);
        this.externalSecrets = Set.copyOf(externalSecrets);
    }

    @Override
    public List<Finding> check(Manifests manifests) {
        List<Finding> findings = new ArrayList<>();
        Map<String, Set<String>> generated = GeneratedSecrets.in(manifests);
        for (ServiceContract service : services) {
            ServiceContainer.of(manifests, service).ifPresent(c -> check(findings, manifests, generated, c));
        }
        return findings;
    }

    private void check(List<Finding> findings, Manifests manifests, Map<String, Set<String>> generated,
            ServiceContainer c) {
        for (EnvVar env : Optional.ofNullable(c.container().getEnv()).orElse(List.of())) {
            if (env.getValueFrom() != null) {
                configMapKey(findings, manifests, c.where(), env.getName(), env.getValueFrom().getConfigMapKeyRef());
                secretKey(findings, generated, c.where(), env.getName(), env.getValueFrom().getSecretKeyRef());
            } else if (env.getValue() != null && !env.getValue().isEmpty() && Credentials.namesACredential(env.getName())) {
                findings.add(new Finding(c.where(), env.getName() + " is a credential given as a plain value: use a secretKeyRef"));
            }
        }
        for (EnvFromSource from : Optional.ofNullable(c.container().getEnvFrom()).orElse(List.of())) {
            if (from.getConfigMapRef() != null && manifests.configMap(from.getConfigMapRef().getName()).isEmpty()
                    && !Boolean.TRUE.equals(from.getConfigMapRef().getOptional())) {
                findings.add(new Finding(c.where(), "takes its environment from ConfigMap "
                        + from.getConfigMapRef().getName() + ", which no manifest declares"));
            }
            if (from.getSecretRef() != null) {
                findings.add(new Finding(c.where(), "takes its environment from the whole Secret "
                        + from.getSecretRef().getName() + ", whose keys cannot be checked: map each variable with a secretKeyRef"));
            }
        }
    }

    private static void configMapKey(List<Finding> findings, Manifests manifests, String where, String name,
            ConfigMapKeySelector ref) {
        if (ref == null) {
            return;
        }
        Optional<ConfigMap> found = manifests.configMap(ref.getName());
        if (found.isEmpty()) {
            findings.add(new Finding(where, name + " comes from ConfigMap " + ref.getName() + ", which no manifest declares"));
        } else if (!Boolean.TRUE.equals(ref.getOptional())
                && (found.get().getData() == null || !found.get().getData().containsKey(ref.getKey()))) {
            findings.add(new Finding(where, name + " comes from key " + ref.getKey() + " of ConfigMap " + ref.getName()
                    + ", which it lacks"));
        }
    }

    private void secretKey(List<Finding> findings, Map<String, Set<String>> generated, String where, String name,
            SecretKeySelector ref) {
        if (ref == null) {
            return;
        }
        Set<String> keys = generated.get(ref.getName());
        if (keys != null && !keys.contains(ref.getKey())) {
            findings.add(new Finding(where, name + " comes from key " + ref.getKey() + " of Secret " + ref.getName()
                    + ", which its operator does not generate (it has " + new TreeSet<>(keys) + ")"));
        } else if (keys == null && !externalSecrets.contains(ref.getName())) {
            findings.add(new Finding(where, name + " comes from Secret " + ref.getName()
                    + ", which is neither generated by an operator here nor documented as created by hand"));
        }
    }
}
