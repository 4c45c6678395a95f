package ai.persona.deploy.secret;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import ai.persona.deploy.DamagedTree;
import ai.persona.deploy.Finding;
import ai.persona.deploy.manifest.Manifest;
import io.fabric8.kubernetes.api.model.SecretBuilder;

/** Secrets and credentials in what is committed: each test adds one to the committed manifests in memory. */
class CommittedSecretRuleTest {

    private final DamagedTree tree = new DamagedTree();

    @Test
    void aCommittedSecretOrACredentialInAConfigMapIsReported() {
        tree.list.add(new Manifest("config/oops.yaml", new SecretBuilder().withNewMetadata().withName("persona-llm")
                .withNamespace("ai-persona").endMetadata().addToStringData("api-key", "sk-not-a-real-key").build()));
        tree.list.add(new Manifest("config/empty.yaml", new SecretBuilder().withNewMetadata().withName("persona-jwt")
                .withNamespace("ai-persona").endMetadata().build()));
        tree.config().getData().put("OPTIMIZER_API_KEY", "sk-not-a-real-key");

        assertThat(new CommittedSecretRule().check(tree.manifests())).extracting(Finding::toString).containsExactlyInAnyOrder(
                "config/oops.yaml Secret/persona-llm: a Secret with values is committed: create it in the cluster "
                        + "instead (deploy/k8s/README.md)",
                "config/empty.yaml Secret/persona-jwt: a Secret is committed: create it in the cluster instead",
                "config/persona-config.yaml ConfigMap/persona-config: key OPTIMIZER_API_KEY looks like a credential: "
                        + "put it in a Secret that is not committed");
    }

    @Test
    void credentialNamesAreRecognisedWhateverTheirCase() {
        assertThat(Credentials.namesACredential("DB_PASSWORD")).isTrue();
        assertThat(Credentials.namesACredential("llm-api-key")).isTrue();
        assertThat(Credentials.namesACredential("SERVICE_PRIVATE_KEY_LOCATION")).isTrue();
        assertThat(Credentials.namesACredential("KAFKA_BOOTSTRAP_SERVERS")).isFalse();
    }
}
