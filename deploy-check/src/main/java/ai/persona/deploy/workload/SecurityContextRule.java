package ai.persona.deploy.workload;

import java.util.ArrayList;
import java.util.List;

import ai.persona.deploy.Finding;
import ai.persona.deploy.ManifestRule;
import ai.persona.deploy.manifest.Manifests;
import ai.persona.deploy.workload.Pod.PlacedContainer;
import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContext;

/**
 * Every container and init container runs as a user that is not root, cannot gain privileges, drops all capabilities
 * and adds none, on a read-only root filesystem. The container's context overrides the pod's where both set a field.
 */
public final class SecurityContextRule implements ManifestRule {

    @Override
    public List<Finding> check(Manifests manifests) {
        List<Finding> findings = new ArrayList<>();
        for (Pod pod : Pod.of(manifests)) {
            PodSecurityContext podContext = pod.spec().getSecurityContext() == null ? new PodSecurityContext()
                    : pod.spec().getSecurityContext();
            for (PlacedContainer c : pod.allContainers()) {
                SecurityContext context = c.container().getSecurityContext() == null ? new SecurityContext()
                        : c.container().getSecurityContext();
                user(findings, c.where(), podContext, context);
                lockedDown(findings, c.where(), context);
            }
        }
        return findings;
    }

    private static void user(List<Finding> findings, String where, PodSecurityContext pod, SecurityContext c) {
        Boolean nonRoot = c.getRunAsNonRoot() != null ? c.getRunAsNonRoot() : pod.getRunAsNonRoot();
        Long user = c.getRunAsUser() != null ? c.getRunAsUser() : pod.getRunAsUser();
        if (!Boolean.TRUE.equals(nonRoot)) {
            findings.add(new Finding(where, "does not set runAsNonRoot: true"));
        }
        if (user == null) {
            findings.add(new Finding(where, "sets no runAsUser (a UID that is not 0)"));
        } else if (user == 0L) {
            findings.add(new Finding(where, "runs as root (runAsUser: 0)"));
        }
    }

    private static void lockedDown(List<Finding> findings, String where, SecurityContext c) {
        if (!Boolean.FALSE.equals(c.getAllowPrivilegeEscalation())) {
            findings.add(new Finding(where, "does not set allowPrivilegeEscalation: false"));
        }
        if (Boolean.TRUE.equals(c.getPrivileged())) {
            findings.add(new Finding(where, "is privileged"));
        }
        Capabilities capabilities = c.getCapabilities() == null ? new Capabilities() : c.getCapabilities();
        if (capabilities.getDrop() == null || !capabilities.getDrop().contains("ALL")) {
            findings.add(new Finding(where, "does not drop ALL capabilities"));
        }
        if (capabilities.getAdd() != null && !capabilities.getAdd().isEmpty()) {
            findings.add(new Finding(where, "adds capabilities " + capabilities.getAdd()));
        }
        if (!Boolean.TRUE.equals(c.getReadOnlyRootFilesystem())) {
            findings.add(new Finding(where, "does not set readOnlyRootFilesystem: true"));
        }
    }
}
