package ai.persona.deploy;

import java.util.List;

import ai.persona.deploy.manifest.Manifests;

/**
 * One concern of the manifests under deploy/k8s/ (probes, a service's environment, its Kafka topics, its broker
 * access...), checked as a list of {@link Finding}s: empty when all is well.
 */
@FunctionalInterface
public interface ManifestRule {

    List<Finding> check(Manifests manifests);
}
