package ai.persona.deploy.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ai.persona.deploy.DamagedTree;
import ai.persona.deploy.DeployTree;
import ai.persona.deploy.Finding;
import ai.persona.deploy.ManifestRule;

/**
 * The KafkaTopics against the services' channels (their configuration), the event contract and the cluster: each
 * test damages the committed manifests in memory and expects the finding.
 */
class TopicRulesTest {

    private final DamagedTree tree = new DamagedTree();

    private List<Finding> findings() {
        List<Finding> findings = new ArrayList<>();
        for (ManifestRule rule : List.of(new KafkaTopicRule(), new TopicDeclarationRule(DeployTree.SERVICES),
                new ConsumerScalingRule(DeployTree.SERVICES), new PersonaTopicRule())) {
            findings.addAll(rule.check(tree.manifests()));
        }
        return findings;
    }

    private Map<String, Object> spec(String topic) {
        return tree.generic("KafkaTopic", topic).get("spec");
    }

    @Test
    void aRemovedTopicDeclarationIsReported() {
        tree.list.removeIf(m -> m.is("KafkaTopic", "persona.patches.proposed.v1"));

        assertThat(findings()).extracting(Finding::toString).containsExactlyInAnyOrder(
                "service session-service: uses topic persona.patches.proposed.v1, which no KafkaTopic declares",
                "service persona-updater: uses topic persona.patches.proposed.v1, which no KafkaTopic declares",
                "event contract: topic persona.patches.proposed.v1 has no KafkaTopic");
    }

    @Test
    void aPersonaTopicThatIsNotCompactedIsReported() {
        tree.generic("KafkaTopic", "persona.changed.v1").<Map<String, Object>>get("spec", "config")
                .put("cleanup.policy", "delete");

        assertThat(findings()).extracting(Finding::message).containsExactly(
                "the persona topic must be compacted (cleanup.policy: compact), it is delete");
    }

    @Test
    void moreConsumersThanPartitionsAreReported() {
        tree.deployment("persona-updater").getSpec().setReplicas(13);

        assertThat(findings()).extracting(Finding::message).containsExactlyInAnyOrder(
                "13 replicas consume topic persona.conversations.completed.v1 of 12 partitions: the extra consumers would stay idle",
                "13 replicas consume topic persona.changed.v1 of 12 partitions: the extra consumers would stay idle",
                "13 replicas consume topic persona.session-events.v1 of 12 partitions: the extra consumers would stay idle");
    }

    @Test
    void aTopicWithoutSizesOrClusterOrWithMoreReplicasThanBrokersIsReported() {
        spec("persona.session-events.v1").remove("partitions");
        spec("persona.session-events.v1").remove("replicas");
        spec("persona.dead-letter.v1").put("replicas", 4);
        tree.generic("KafkaTopic", "persona.changed.v1").getMetadata().getLabels().put("strimzi.io/cluster", "other");

        assertThat(findings()).extracting(Finding::toString).containsExactlyInAnyOrder(
                "infra/topics.yaml KafkaTopic/persona.session-events.v1: declares no partition count",
                "infra/topics.yaml KafkaTopic/persona.session-events.v1: declares no replication factor",
                "infra/topics.yaml KafkaTopic/persona.dead-letter.v1: 4 replicas but Kafka persona-kafka has 3 brokers",
                "infra/topics.yaml KafkaTopic/persona.changed.v1: its label strimzi.io/cluster names no declared Kafka: other");
    }
}
