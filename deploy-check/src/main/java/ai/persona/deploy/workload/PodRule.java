package ai.persona.deploy.workload;

import java.util.ArrayList;
import java.util.List;

import ai.persona.deploy.Finding;
import ai.persona.deploy.ManifestRule;
import ai.persona.deploy.manifest.Manifest;
import ai.persona.deploy.manifest.Manifests;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/** Every Deployment runs containers, and its pods share neither the node's network nor its PID or IPC namespace. */
public final class PodRule implements ManifestRule {

    @Override
    public List<Finding> check(Manifests manifests) {
        List<Finding> findings = new ArrayList<>();
        for (Manifest m : manifests.ofType(Deployment.class)) {
            PodSpec pod = Pod.specOf((Deployment) m.resource());
            if (!Pod.hasContainers(pod)) {
                findings.add(new Finding(m.where(), "has no containers"));
            } else if (Boolean.TRUE.equals(pod.getHostNetwork()) || Boolean.TRUE.equals(pod.getHostPID())
                    || Boolean.TRUE.equals(pod.getHostIPC())) {
                findings.add(new Finding(m.where(), "shares the node's network, PID or IPC namespace"));
            }
        }
        return findings;
    }
}
