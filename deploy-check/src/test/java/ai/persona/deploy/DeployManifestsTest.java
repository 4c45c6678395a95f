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

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;

/** The manifests under deploy/k8s/, as committed: what `kubectl apply -R -f deploy/k8s/` would apply. */
class DeployManifestsTest {

    private static final List<Manifest> MANIFESTS = DeployTree.manifests();
    private static final ManifestChecker CHECKER = DeployTree.checker(MANIFESTS);

    static Stream<ServiceContract> services() {
        return DeployTree.SERVICES.stream();
    }

    @Test
    void everyDocumentIsReadIntoTheTypedModel() {
        assertThat(MANIFESTS).anyMatch(m -> m.resource() instanceof Namespace)
                .anyMatch(m -> m.resource() instanceof ConfigMap)
                .anyMatch(m -> m.resource() instanceof NetworkPolicy)
                .anyMatch(m -> m.resource() instanceof Service)
                .anyMatch(m -> m.resource() instanceof Deployment);
        // the operators' resources have no fabric8 type here: generic, their fields checked by the checker
        assertThat(MANIFESTS).filteredOn(m -> m.resource() instanceof GenericKubernetesResource)
                .extracting(Manifest::kind).contains("Kafka", "KafkaNodePool", "KafkaTopic", "Cluster", "Database");
        assertThat(MANIFESTS).filteredOn(m -> m.kind().equals("Deployment"))
                .allMatch(m -> m.resource() instanceof Deployment);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void everyServiceHasItsGeneratedManifestCommitted(ServiceContract service) {
        Path copy = DeployTree.K8S.resolve("services/" + service.name() + ".yaml");
        assertThat(copy).exists();
        assertThat(Manifests.load(DeployTree.K8S)).filteredOn(m -> m.file().equals("services/" + service.name() + ".yaml"))
                .extracting(Manifest::kind).contains("Deployment", "Service");
    }

    @Test
    void everyDeploymentHasAllProbesRequestsAndLimitsAndRunsAsNonRoot() {
        assertThat(MANIFESTS).filteredOn(m -> m.resource() instanceof Deployment).hasSizeGreaterThanOrEqualTo(2);
        assertThat(CHECKER.workloads()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void everyVariableTheServiceReadsAtStartupIsProvided(ServiceContract service) {
        assertThat(service.requiredEnv()).isNotEmpty();
        assertThat(CHECKER.environment(service)).isEmpty();
    }

    @Test
    void everyTopicAServiceUsesIsDeclaredAndThePersonaTopicIsCompacted() {
        assertThat(DeployTree.SERVICES).allMatch(s -> !s.topics().isEmpty());
        assertThat(CHECKER.topics(DeployTree.SERVICES)).isEmpty();
    }

    @Test
    void noSecretValueIsCommitted() {
        assertThat(CHECKER.secrets()).isEmpty();
    }

    @Test
    void namespacesSelectorsAndAddressesResolve() {
        assertThat(CHECKER.references()).isEmpty();
    }

    @Test
    void allTogether() {
        assertThat(CHECKER.all(DeployTree.SERVICES)).isEmpty();
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
        assertThat(ManifestChecker.staleCopy(committed, generated, DeployTree.REGENERATE)).isEmpty();
    }
}
