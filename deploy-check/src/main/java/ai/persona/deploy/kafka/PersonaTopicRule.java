package ai.persona.deploy.kafka;

import java.util.List;

import ai.persona.deploy.Finding;
import ai.persona.deploy.ManifestRule;
import ai.persona.deploy.manifest.Manifest;
import ai.persona.deploy.manifest.Manifests;
import ai.persona.events.EventContract;

/**
 * The persona topic ({@link EventContract#PERSONA_CHANGED}) is compacted: it holds each user's latest persona, read
 * from the start by a consumer that rebuilds its cache, and a user's tombstone removes theirs.
 */
public final class PersonaTopicRule implements ManifestRule {

    @Override
    public List<Finding> check(Manifests manifests) {
        Manifest persona = manifests.kafkaTopics().get(EventContract.PERSONA_CHANGED.topic());
        if (persona == null) {
            return List.of();
        }
        Object policy = Manifests.generic(persona).get("spec", "config", "cleanup.policy");
        if (policy == null || !String.valueOf(policy).contains("compact")) {
            return List.of(new Finding(persona.where(), "the persona topic must be compacted (cleanup.policy: compact), "
                    + "it is " + policy));
        }
        return List.of();
    }
}
