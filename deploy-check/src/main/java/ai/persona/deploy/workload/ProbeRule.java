package ai.persona.deploy.workload;

import java.util.ArrayList;
import java.util.List;

import ai.persona.deploy.Finding;
import ai.persona.deploy.ManifestRule;
import ai.persona.deploy.manifest.Manifests;
import ai.persona.deploy.workload.Pod.PlacedContainer;
import io.fabric8.kubernetes.api.model.Probe;

/** Every container of a Deployment (not its init containers) has a liveness, a readiness and a startup probe. */
public final class ProbeRule implements ManifestRule {

    @Override
    public List<Finding> check(Manifests manifests) {
        List<Finding> findings = new ArrayList<>();
        for (Pod pod : Pod.of(manifests)) {
            for (PlacedContainer c : pod.containers()) {
                probe(findings, c.where(), "liveness", c.container().getLivenessProbe());
                probe(findings, c.where(), "readiness", c.container().getReadinessProbe());
                probe(findings, c.where(), "startup", c.container().getStartupProbe());
            }
        }
        return findings;
    }

    private static void probe(List<Finding> findings, String where, String kind, Probe probe) {
        if (probe == null) {
            findings.add(new Finding(where, "has no " + kind + " probe"));
        } else if (probe.getHttpGet() == null && probe.getTcpSocket() == null && probe.getExec() == null
                && probe.getGrpc() == null) {
            findings.add(new Finding(where, "has a " + kind + " probe that checks nothing"));
        }
    }
}
