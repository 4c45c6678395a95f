package ai.persona.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import ai.persona.deploy.manifest.Manifest;
import ai.persona.deploy.manifest.Manifests;

/** The runner: every rule's findings, in the order of the rules; the standard set reaches each concern. */
class ManifestCheckerTest {

    private final DamagedTree tree = new DamagedTree();

    @Test
    void theRunnerGathersEveryRulesFindingsInOrder() {
        ManifestRule first = manifests -> List.of(new Finding("a", "first"));
        ManifestRule second = manifests -> List.of(new Finding("b", "second"), new Finding("c", "third"));

        assertThat(new ManifestChecker(List.of(first, second)).check(new Manifests(List.of())))
                .extracting(Finding::toString).containsExactly("a: first", "b: second", "c: third");
    }

    @Test
    void theStandardSetReportsADamageOfEachKind() {
        tree.container("session-service").setStartupProbe(null);
        tree.container("persona-updater").getEnv().removeIf(e -> e.getName().equals("OPTIMIZER_API_KEY"));
        tree.list.removeIf(m -> m.is("KafkaTopic", "persona.session-events.v1"));
        tree.list.removeIf(m -> m.is("KafkaUser", "chat-gateway"));
        tree.config().getData().put("SOME_TOKEN", "t");
        tree.find("Service", "chat-gateway").resource().getMetadata().setNamespace("default");

        assertThat(DeployTree.checker().check(tree.manifests())).extracting(Finding::toString).contains(
                "services/session-service.yaml Deployment/session-service container session-service: has no startup probe",
                "services/persona-updater.yaml Deployment/persona-updater container persona-updater: persona-updater "
                        + "reads OPTIMIZER_API_KEY at startup, but the Deployment does not provide it",
                "event contract: topic persona.session-events.v1 has no KafkaTopic",
                "service chat-gateway: has no KafkaUser named chat-gateway",
                "config/persona-config.yaml ConfigMap/persona-config: key SOME_TOKEN looks like a credential: put it in "
                        + "a Secret that is not committed",
                "services/chat-gateway.yaml Service/chat-gateway: is in namespace default, not one declared here [ai-persona]");
    }

    @Test
    void theUndamagedCopyHasNoFinding() {
        assertThat(tree.list).extracting(Manifest::kind).contains("Deployment", "KafkaUser", "KafkaTopic");
        assertThat(DeployTree.checker().check(tree.manifests())).isEmpty();
    }
}
