package ai.persona.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * The checker reports what is removed or broken: each test takes the real documents, damages one thing in memory, and
 * expects the finding (the real documents having none, see {@link DeployManifestsTest}).
 */
class ManifestCheckerTest {

    private static final List<Manifest> REAL = DeployTree.manifests();

    private final List<Manifest> manifests = Manifests.copy(REAL);

    private ManifestChecker checker() {
        return DeployTree.checker(manifests);
    }

    private Container container(String deployment) {
        Deployment d = (Deployment) manifests.stream().filter(m -> m.is("Deployment", deployment)).findFirst()
                .orElseThrow().resource();
        return d.getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    private Deployment deployment(String name) {
        return (Deployment) manifests.stream().filter(m -> m.is("Deployment", name)).findFirst().orElseThrow().resource();
    }

    private GenericKubernetesResource topic(String name) {
        return (GenericKubernetesResource) manifests.stream().filter(m -> m.is("KafkaTopic", name)).findFirst()
                .orElseThrow().resource();
    }

    private ConfigMap config() {
        return (ConfigMap) manifests.stream().filter(m -> m.is("ConfigMap", "persona-config")).findFirst().orElseThrow()
                .resource();
    }

    @Test
    void theCopyIsUndamagedToStartWith() {
        assertThat(checker().all(DeployTree.SERVICES)).isEmpty();
    }

    @Test
    void aRemovedProbeIsReported() {
        container("session-service").setStartupProbe(null);
        container("persona-updater").setLivenessProbe(null);

        assertThat(checker().workloads()).extracting(Finding::toString).containsExactlyInAnyOrder(
                "services/session-service.yaml Deployment/session-service container session-service: has no startup probe",
                "services/persona-updater.yaml Deployment/persona-updater container persona-updater: has no liveness probe");
    }

    @Test
    void aProbeWithoutACheckIsReported() {
        container("persona-updater").getReadinessProbe().setHttpGet(null);

        assertThat(checker().workloads()).extracting(Finding::message)
                .containsExactly("has a readiness probe that checks nothing");
    }

    @Test
    void aRemovedLimitOrRequestIsReported() {
        container("session-service").getResources().getLimits().remove("memory");
        container("persona-updater").getResources().getRequests().remove("cpu");

        assertThat(checker().workloads()).extracting(Finding::toString).containsExactlyInAnyOrder(
                "services/session-service.yaml Deployment/session-service container session-service: has no memory limit",
                "services/persona-updater.yaml Deployment/persona-updater container persona-updater: has no cpu request");
    }

    @Test
    void runningAsRootOrUnlockedIsReported() {
        deployment("session-service").getSpec().getTemplate().getSpec().getSecurityContext().setRunAsNonRoot(null);
        deployment("session-service").getSpec().getTemplate().getSpec().getSecurityContext().setRunAsUser(0L);
        container("persona-updater").getSecurityContext().setAllowPrivilegeEscalation(null);
        container("persona-updater").getSecurityContext().setReadOnlyRootFilesystem(false);
        container("persona-updater").getSecurityContext().getCapabilities().setDrop(new ArrayList<>());

        assertThat(checker().workloads()).extracting(Finding::message).containsExactlyInAnyOrder(
                "does not set runAsNonRoot: true",
                "runs as root (runAsUser: 0)",
                "does not set allowPrivilegeEscalation: false",
                "does not set readOnlyRootFilesystem: true",
                "does not drop ALL capabilities");
    }

    @Test
    void aRemovedTopicDeclarationIsReported() {
        manifests.removeIf(m -> m.is("KafkaTopic", "persona.patches.proposed.v1"));

        assertThat(checker().topics(DeployTree.SERVICES)).extracting(Finding::toString).containsExactlyInAnyOrder(
                "service session-service: uses topic persona.patches.proposed.v1, which no KafkaTopic declares",
                "service persona-updater: uses topic persona.patches.proposed.v1, which no KafkaTopic declares",
                "event contract: topic persona.patches.proposed.v1 has no KafkaTopic");
    }

    @Test
    void aPersonaTopicThatIsNotCompactedIsReported() {
        ((Map<String, Object>) topic("persona.changed.v1").<Map<String, Object>>get("spec", "config"))
                .put("cleanup.policy", "delete");

        assertThat(checker().topics(DeployTree.SERVICES)).extracting(Finding::message).containsExactly(
                "the persona topic must be compacted (cleanup.policy: compact), it is delete");
    }

    @Test
    void moreConsumersThanPartitionsAreReported() {
        deployment("persona-updater").getSpec().setReplicas(13);

        assertThat(checker().topics(DeployTree.SERVICES)).extracting(Finding::message).containsExactlyInAnyOrder(
                "13 replicas consume topic persona.conversations.completed.v1 of 12 partitions: the extra consumers would stay idle",
                "13 replicas consume topic persona.changed.v1 of 12 partitions: the extra consumers would stay idle",
                "13 replicas consume topic persona.session-events.v1 of 12 partitions: the extra consumers would stay idle");
    }

    @Test
    void aVariableThatIsNoLongerProvidedIsReported() {
        container("persona-updater").getEnv().removeIf(e -> e.getName().equals("OPTIMIZER_API_KEY"));
        config().getData().remove("KAFKA_BOOTSTRAP_SERVERS");

        assertThat(checker().environment(DeployTree.service("persona-updater"))).extracting(Finding::message)
                .containsExactlyInAnyOrder(
                        "persona-updater reads KAFKA_BOOTSTRAP_SERVERS at startup, but the Deployment does not provide it",
                        "persona-updater reads OPTIMIZER_API_KEY at startup, but the Deployment does not provide it");
    }

    @Test
    void aSourceThatDoesNotExistIsReported() {
        container("session-service").getEnv().stream().filter(e -> e.getName().equals("DB_REACTIVE_URL")).findFirst()
                .orElseThrow().getValueFrom().getConfigMapKeyRef().setKey("NO_SUCH_KEY");
        container("session-service").getEnv().stream().filter(e -> e.getName().equals("DB_PASSWORD")).findFirst()
                .orElseThrow().getValueFrom().getSecretKeyRef().setName("hand-made-db-secret");

        assertThat(checker().environment(DeployTree.service("session-service"))).extracting(Finding::message)
                .containsExactlyInAnyOrder(
                        "DB_REACTIVE_URL comes from key NO_SUCH_KEY of ConfigMap persona-config, which it lacks",
                        "DB_PASSWORD comes from Secret hand-made-db-secret, which is neither generated by an operator "
                                + "here nor documented as created by hand");
    }

    @Test
    void aCommittedSecretOrACredentialInAConfigMapIsReported() {
        manifests.add(new Manifest("config/oops.yaml", new SecretBuilder().withNewMetadata().withName("persona-llm")
                .withNamespace("ai-persona").endMetadata().addToStringData("api-key", "sk-not-a-real-key").build()));
        config().getData().put("OPTIMIZER_API_KEY", "sk-not-a-real-key");

        assertThat(checker().secrets()).extracting(Finding::toString).containsExactlyInAnyOrder(
                "config/oops.yaml Secret/persona-llm: a Secret with values is committed: create it in the cluster "
                        + "instead (deploy/k8s/README.md)",
                "config/persona-config.yaml ConfigMap/persona-config: key OPTIMIZER_API_KEY looks like a credential: "
                        + "put it in a Secret that is not committed");
    }

    @Test
    void anAddressThatNamesNoDeclaredResourceIsReported() {
        config().getData().put("SESSION_SERVICE_DB_JDBC_URL", "jdbc:postgresql://persona-db-rw:5432/no_such_db");
        config().getData().put("KAFKA_BOOTSTRAP_SERVERS", "persona-kafka-kafka-bootstrap:9092");

        assertThat(checker().references()).extracting(Finding::message).containsExactlyInAnyOrder(
                "database no_such_db is not created in Cluster persona-db (it has [chat_gateway, persona_updater, session_service])",
                "Kafka persona-kafka has no listener on port 9092");
    }

    @Test
    void aServiceThatSelectsNothingIsReported() {
        deployment("session-service").getSpec().getTemplate().getMetadata().getLabels()
                .put("app.kubernetes.io/name", "renamed");

        assertThat(checker().references()).extracting(Finding::toString).containsExactly(
                "services/session-service.yaml Service/session-service: selects no Deployment's pods: "
                        + "{app.kubernetes.io/name=session-service, app.kubernetes.io/part-of=ai-persona}");
    }

    @Test
    void aStaleCopyIsReportedWhereItDiffers(@TempDir Path dir) throws IOException {
        Path generated = dir.resolve("generated.yml");
        Path committed = dir.resolve("committed.yaml");
        String fresh = Files.readString(DeployTree.K8S.resolve("services/session-service.yaml"));
        Files.writeString(generated, fresh);
        // key order is not significant; a comment neither
        Files.writeString(committed, "# header\n" + fresh.replace("      port: 8081\n      protocol: TCP\n",
                "      protocol: TCP\n      port: 8081\n"));
        assertThat(ManifestChecker.staleCopy(committed, generated, "regen")).isEmpty();

        Files.writeString(committed, fresh.replace("memory: 768Mi", "memory: 512Mi"));
        assertThat(ManifestChecker.staleCopy(committed, generated, "regen")).extracting(Finding::toString).containsExactly(
                "committed.yaml: Deployment/session-service is stale at /spec/template/spec/containers/0/resources/limits/memory "
                        + "(committed: \"512Mi\", generated: \"768Mi\"); run regen");
    }
}
