package ai.persona.deploy.secret;

import java.util.ArrayList;
import java.util.List;

import ai.persona.deploy.Finding;
import ai.persona.deploy.ManifestRule;
import ai.persona.deploy.manifest.Manifest;
import ai.persona.deploy.manifest.Manifests;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;

/** No Secret is committed (they are created in the cluster), and no ConfigMap key looks like a credential. */
public final class CommittedSecretRule implements ManifestRule {

    @Override
    public List<Finding> check(Manifests manifests) {
        List<Finding> findings = new ArrayList<>();
        for (Manifest m : manifests.all()) {
            if (m.resource() instanceof Secret secret) {
                boolean values = (secret.getData() != null && !secret.getData().isEmpty())
                        || (secret.getStringData() != null && !secret.getStringData().isEmpty());
                findings.add(new Finding(m.where(), values ? "a Secret with values is committed: create it in the cluster "
                        + "instead (deploy/k8s/README.md)" : "a Secret is committed: create it in the cluster instead"));
            } else if (m.kind().equals("Secret")) {
                findings.add(new Finding(m.where(), "a Secret is committed"));
            }
            if (m.resource() instanceof ConfigMap map && map.getData() != null) {
                map.getData().keySet().stream()
                        .filter(Credentials::namesACredential)
                        .forEach(k -> findings.add(new Finding(m.where(), "key " + k
                                + " looks like a credential: put it in a Secret that is not committed")));
            }
        }
        return findings;
    }
}
