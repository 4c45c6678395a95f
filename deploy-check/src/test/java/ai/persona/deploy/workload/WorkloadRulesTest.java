package ai.persona.deploy.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import ai.persona.deploy.DamagedTree;
import ai.persona.deploy.Finding;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;

/** The rules on Deployments' pods, each test damaging the committed manifests in memory and expecting the finding. */
class WorkloadRulesTest {

    private final DamagedTree tree = new DamagedTree();

    private List<Finding> findings() {
        List<Finding> findings = new ArrayList<>();
        for (var rule : List.of(new PodRule(), new ProbeRule(), new ResourceRule(), new SecurityContextRule(),
                new MetricsScrapingRule(), new MonitoringIngressRule())) {
            findings.addAll(rule.check(tree.manifests()));
        }
        return findings;
    }

    @Test
    void aDeploymentWithoutContainersOrSharingTheNodesNetworkIsReported() {
        tree.deployment("session-service").getSpec().getTemplate().getSpec().setContainers(new ArrayList<>());
        tree.deployment("persona-updater").getSpec().getTemplate().getSpec().setHostNetwork(true);

        assertThat(findings()).extracting(Finding::toString).containsExactlyInAnyOrder(
                "services/session-service.yaml Deployment/session-service: has no containers",
                "services/persona-updater.yaml Deployment/persona-updater: shares the node's network, PID or IPC namespace");
    }

    @Test
    void aRemovedProbeIsReported() {
        tree.container("session-service").setStartupProbe(null);
        tree.container("persona-updater").setLivenessProbe(null);

        assertThat(new ProbeRule().check(tree.manifests())).extracting(Finding::toString).containsExactlyInAnyOrder(
                "services/session-service.yaml Deployment/session-service container session-service: has no startup probe",
                "services/persona-updater.yaml Deployment/persona-updater container persona-updater: has no liveness probe");
    }

    @Test
    void aProbeWithoutACheckIsReported() {
        tree.container("persona-updater").getReadinessProbe().setHttpGet(null);

        assertThat(findings()).extracting(Finding::message).containsExactly("has a readiness probe that checks nothing");
    }

    @Test
    void aRemovedLimitOrRequestIsReported() {
        tree.container("session-service").getResources().getLimits().remove("memory");
        tree.container("persona-updater").getResources().getRequests().remove("cpu");

        assertThat(findings()).extracting(Finding::toString).containsExactlyInAnyOrder(
                "services/session-service.yaml Deployment/session-service container session-service: has no memory limit",
                "services/persona-updater.yaml Deployment/persona-updater container persona-updater: has no cpu request");
    }

    @Test
    void aRequestAboveItsLimitIsReported() {
        tree.container("chat-gateway").getResources().getRequests().put("memory", new Quantity("64Gi"));

        assertThat(findings()).extracting(Finding::toString).containsExactly(
                "services/chat-gateway.yaml Deployment/chat-gateway container chat-gateway: requests more memory than its limit");
    }

    @Test
    void runningAsRootOrUnlockedIsReported() {
        tree.deployment("session-service").getSpec().getTemplate().getSpec().getSecurityContext().setRunAsNonRoot(null);
        tree.deployment("session-service").getSpec().getTemplate().getSpec().getSecurityContext().setRunAsUser(0L);
        tree.container("persona-updater").getSecurityContext().setAllowPrivilegeEscalation(null);
        tree.container("persona-updater").getSecurityContext().setReadOnlyRootFilesystem(false);
        tree.container("persona-updater").getSecurityContext().getCapabilities().setDrop(new ArrayList<>());
        tree.container("chat-gateway").getSecurityContext().setPrivileged(true);
        tree.container("chat-gateway").getSecurityContext().getCapabilities().setAdd(new ArrayList<>(List.of("NET_ADMIN")));

        assertThat(findings()).extracting(Finding::message).containsExactlyInAnyOrder(
                "does not set runAsNonRoot: true",
                "runs as root (runAsUser: 0)",
                "does not set allowPrivilegeEscalation: false",
                "does not set readOnlyRootFilesystem: true",
                "does not drop ALL capabilities",
                "is privileged",
                "adds capabilities [NET_ADMIN]");
    }

    @Test
    void anInitContainerIsHeldToTheSameResourcesAndSecurityButNeedsNoProbe() {
        Container init = new ContainerBuilder().withName("migrate").withImage("busybox").build();
        tree.deployment("session-service").getSpec().getTemplate().getSpec().setInitContainers(new ArrayList<>(List.of(init)));
        tree.deployment("session-service").getSpec().getTemplate().getSpec().getSecurityContext().setRunAsUser(null);

        String where = "services/session-service.yaml Deployment/session-service ";
        assertThat(findings()).extracting(Finding::toString).containsExactlyInAnyOrder(
                where + "container session-service: sets no runAsUser (a UID that is not 0)",
                where + "init container migrate: has no cpu request",
                where + "init container migrate: has no cpu limit",
                where + "init container migrate: has no memory request",
                where + "init container migrate: has no memory limit",
                where + "init container migrate: sets no runAsUser (a UID that is not 0)",
                where + "init container migrate: does not set allowPrivilegeEscalation: false",
                where + "init container migrate: does not drop ALL capabilities",
                where + "init container migrate: does not set readOnlyRootFilesystem: true");
    }

    @Test
    void podsThatPrometheusWouldNotScrapeOrWouldScrapeOnTheApiPortAreReported() {
        tree.deployment("session-service").getSpec().getTemplate().getMetadata().getAnnotations()
                .remove("prometheus.io/scrape");
        tree.deployment("persona-updater").getSpec().getTemplate().getMetadata().getAnnotations()
                .put("prometheus.io/port", "9999");
        tree.deployment("chat-gateway").getSpec().getTemplate().getMetadata().getAnnotations()
                .put("prometheus.io/port", "8080");

        assertThat(new MetricsScrapingRule().check(tree.manifests())).extracting(Finding::toString)
                .containsExactlyInAnyOrder(
                "services/session-service.yaml Deployment/session-service: its pods are not annotated "
                        + "prometheus.io/scrape: \"true\"",
                "services/persona-updater.yaml Deployment/persona-updater: prometheus.io/port 9999 is not a port of its "
                        + "containers",
                "services/chat-gateway.yaml Deployment/chat-gateway: prometheus.io/port 8080 is not its management "
                        + "port (the container port named management): metrics would share a port with the API");
    }

    @Test
    void aPolicyLettingMonitoringReachAnApiPortOrEveryPortIsReported() {
        NetworkPolicy scraping = (NetworkPolicy) tree.find("NetworkPolicy", "metrics-scraping").resource();
        scraping.getSpec().getIngress().get(0).getPorts()
                .add(new NetworkPolicyPortBuilder().withPort(new IntOrString(8081)).withProtocol("TCP").build());
        NetworkPolicy session = (NetworkPolicy) tree.find("NetworkPolicy", "session-service-from-services").resource();
        session.getSpec().getIngress().add(new NetworkPolicyIngressRuleBuilder()
                .addNewFrom().withNewNamespaceSelector().addToMatchLabels("kubernetes.io/metadata.name", "monitoring")
                .endNamespaceSelector().endFrom().build());

        String where = "infra/network-policies.yaml NetworkPolicy/";
        assertThat(findings()).extracting(Finding::toString).containsExactlyInAnyOrder(
                where + "metrics-scraping: admits the monitoring namespace to port 8081, not a management port [9000]",
                where + "session-service-from-services: admits the monitoring namespace on every port");
    }
}
