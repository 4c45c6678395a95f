package ai.persona.deploy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import ai.persona.deploy.environment.EnvSourceRule;
import ai.persona.deploy.environment.EnvironmentRule;
import ai.persona.deploy.kafka.ConsumerScalingRule;
import ai.persona.deploy.kafka.KafkaAccessRule;
import ai.persona.deploy.kafka.KafkaTopicRule;
import ai.persona.deploy.kafka.PersonaTopicRule;
import ai.persona.deploy.kafka.TopicDeclarationRule;
import ai.persona.deploy.manifest.Manifests;
import ai.persona.deploy.reference.BootstrapAddressRule;
import ai.persona.deploy.reference.DatabaseAddressRule;
import ai.persona.deploy.reference.NamespaceRule;
import ai.persona.deploy.reference.ServiceSelectorRule;
import ai.persona.deploy.secret.CommittedSecretRule;
import ai.persona.deploy.service.ServiceContract;
import ai.persona.deploy.workload.MetricsScrapingRule;
import ai.persona.deploy.workload.MonitoringIngressRule;
import ai.persona.deploy.workload.PodRule;
import ai.persona.deploy.workload.ProbeRule;
import ai.persona.deploy.workload.ResourceRule;
import ai.persona.deploy.workload.SecurityContextRule;

/** Runs rules over the manifests and gathers their findings (empty: all well). */
public final class ManifestChecker {

    private final List<ManifestRule> rules;

    public ManifestChecker(List<ManifestRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /**
     * Every rule, for the given services.
     *
     * @param externalSecrets Secrets created in the cluster by the operator (documented, never committed), which
     *        Deployments may reference besides the ones the operators of deploy/k8s/infra generate
     */
    public static ManifestChecker forServices(Collection<ServiceContract> services, Set<String> externalSecrets) {
        return new ManifestChecker(List.of(
                new PodRule(),
                new ProbeRule(),
                new ResourceRule(),
                new SecurityContextRule(),
                new MetricsScrapingRule(),
                new MonitoringIngressRule(),
                new EnvironmentRule(services),
                new EnvSourceRule(services, externalSecrets),
                new KafkaTopicRule(),
                new TopicDeclarationRule(services),
                new ConsumerScalingRule(services),
                new PersonaTopicRule(),
                new KafkaAccessRule(),
                new CommittedSecretRule(),
                new NamespaceRule(),
                new ServiceSelectorRule(),
                new DatabaseAddressRule(),
                new BootstrapAddressRule()));
    }

    public List<Finding> check(Manifests manifests) {
        List<Finding> findings = new ArrayList<>();
        rules.forEach(rule -> findings.addAll(rule.check(manifests)));
        return findings;
    }
}
