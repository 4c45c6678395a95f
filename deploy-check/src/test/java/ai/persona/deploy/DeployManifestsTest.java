package ai.persona.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import ai.persona.deploy.copy.StaleCopyCheck;
import ai.persona.deploy.environment.EnvSourceRule;
import ai.persona.deploy.environment.EnvironmentRule;
import ai.persona.deploy.kafka.ConsumerScalingRule;
import ai.persona.deploy.kafka.KafkaTopicRule;
import ai.persona.deploy.kafka.PersonaTopicRule;
import ai.persona.deploy.kafka.TopicDeclarationRule;
import ai.persona.deploy.manifest.Manifest;
import ai.persona.deploy.manifest.ManifestReader;
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
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;

/** The manifests under deploy/k8s/, as committed: what `kubectl apply -R -f deploy/k8s/` would apply. */
class DeployManifestsTest {

    private static final List<Manifest> LIST = DeployTree.manifests();
    private static final Manifests MANIFESTS = new Manifests(LIST);

    static Stream<ServiceContract> services() {
        return DeployTree.SERVICES.stream();
    }

    @Test
    void everyDocumentIsReadIntoTheTypedModel() {
        assertThat(LIST).anyMatch(m -> m.resource() instanceof Namespace)
                .anyMatch(m -> m.resource() instanceof ConfigMap)
                .anyMatch(m -> m.resource() instanceof NetworkPolicy)
                .anyMatch(m -> m.resource() instanceof Service)
                .anyMatch(m -> m.resource() instanceof Deployment);
        // the operators' resources have no fabric8 type here: generic, their fields checked by the rules
        assertThat(LIST).filteredOn(m -> m.resource() instanceof GenericKubernetesResource)
                .extracting(Manifest::kind).contains("Kafka", "KafkaNodePool", "KafkaTopic", "Cluster", "Database");
        assertThat(LIST).filteredOn(m -> m.kind().equals("Deployment"))
                .allMatch(m -> m.resource() instanceof Deployment);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void everyServiceHasItsGeneratedManifestCommitted(ServiceContract service) {
        Path copy = DeployTree.K8S.resolve("services/" + service.name() + ".yaml");
        assertThat(copy).exists();
        assertThat(ManifestReader.load(DeployTree.K8S)).filteredOn(m -> m.file().equals("services/" + service.name() + ".yaml"))
                .extracting(Manifest::kind).contains("Deployment", "Service");
    }

    @Test
    void everyDeploymentHasAllProbesRequestsAndLimitsAndRunsAsNonRoot() {
        assertThat(MANIFESTS.ofType(Deployment.class)).hasSizeGreaterThanOrEqualTo(2);
        assertThat(new PodRule().check(MANIFESTS)).isEmpty();
        assertThat(new ProbeRule().check(MANIFESTS)).isEmpty();
        assertThat(new ResourceRule().check(MANIFESTS)).isEmpty();
        assertThat(new SecurityContextRule().check(MANIFESTS)).isEmpty();
        assertThat(new MetricsScrapingRule().check(MANIFESTS)).isEmpty();
        assertThat(new MonitoringIngressRule().check(MANIFESTS)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void everyVariableTheServiceReadsAtStartupIsProvided(ServiceContract service) {
        assertThat(service.requiredEnv()).isNotEmpty();
        assertThat(new EnvironmentRule(List.of(service)).check(MANIFESTS)).isEmpty();
        assertThat(new EnvSourceRule(List.of(service), DeployTree.EXTERNAL_SECRETS).check(MANIFESTS)).isEmpty();
    }

    @Test
    void everyTopicAServiceUsesIsDeclaredAndThePersonaTopicIsCompacted() {
        assertThat(DeployTree.SERVICES).allMatch(s -> !s.topics().isEmpty());
        assertThat(new KafkaTopicRule().check(MANIFESTS)).isEmpty();
        assertThat(new TopicDeclarationRule(DeployTree.SERVICES).check(MANIFESTS)).isEmpty();
        assertThat(new ConsumerScalingRule(DeployTree.SERVICES).check(MANIFESTS)).isEmpty();
        assertThat(new PersonaTopicRule().check(MANIFESTS)).isEmpty();
    }

    @Test
    void noSecretValueIsCommitted() {
        assertThat(new CommittedSecretRule().check(MANIFESTS)).isEmpty();
    }

    @Test
    void namespacesSelectorsAndAddressesResolve() {
        assertThat(new NamespaceRule().check(MANIFESTS)).isEmpty();
        assertThat(new ServiceSelectorRule().check(MANIFESTS)).isEmpty();
        assertThat(new DatabaseAddressRule().check(MANIFESTS)).isEmpty();
        assertThat(new BootstrapAddressRule().check(MANIFESTS)).isEmpty();
    }

    @Test
    void allTogether() {
        assertThat(DeployTree.checker().check(MANIFESTS)).isEmpty();
    }

    /**
     * The committed copy equals what the build generated. The services come before this module in the reactor; where
     * one was not built in this run (e.g. {@code mvn -pl deploy-check}), its generated file is absent and the check is
     * skipped with that reason.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void theCommittedManifestIsTheGeneratedOne(ServiceContract service) {
        Path generated = DeployTree.ROOT.resolve(service.name() + "/target/kubernetes/kubernetes.yml");
        assumeTrue(Files.exists(generated), () -> "skipped: " + generated + " does not exist, " + service.name()
                + " was not packaged in this build (run `mvn verify` from the root, or " + DeployTree.REGENERATE + ")");
        Path committed = DeployTree.K8S.resolve("services/" + service.name() + ".yaml");
        assertThat(StaleCopyCheck.check(committed, generated, DeployTree.REGENERATE)).isEmpty();
    }
}
