package ai.persona.deploy.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import ai.persona.deploy.DamagedTree;
import ai.persona.deploy.Finding;

/** References between resources, by namespace, selector and address: each test damages one in memory. */
class ReferenceRulesTest {

    private final DamagedTree tree = new DamagedTree();

    @Test
    void anAddressThatNamesNoDeclaredResourceIsReported() {
        tree.config().getData().put("SESSION_SERVICE_DB_JDBC_URL", "jdbc:postgresql://persona-db-rw:5432/no_such_db");
        tree.config().getData().put("PERSONA_UPDATER_DB_JDBC_URL", "jdbc:postgresql://other-db-rw:5432/persona_updater");
        tree.config().getData().put("KAFKA_BOOTSTRAP_SERVERS", "persona-kafka-kafka-bootstrap:9092,other-kafka-bootstrap:9093");

        assertThat(new DatabaseAddressRule().check(tree.manifests())).extracting(Finding::message).containsExactlyInAnyOrder(
                "database no_such_db is not created in Cluster persona-db (it has [chat_gateway, persona_updater, session_service])",
                "host other-db-rw is no service of a declared CloudNativePG Cluster");
        assertThat(new BootstrapAddressRule().check(tree.manifests())).extracting(Finding::toString).containsExactlyInAnyOrder(
                "config/persona-config.yaml ConfigMap/persona-config key KAFKA_BOOTSTRAP_SERVERS: Kafka persona-kafka "
                        + "has no listener on port 9092",
                "config/persona-config.yaml ConfigMap/persona-config key KAFKA_BOOTSTRAP_SERVERS: other-kafka-bootstrap:9093 "
                        + "is not the bootstrap service of a declared Kafka");
    }

    @Test
    void aServiceThatSelectsNothingIsReported() {
        tree.deployment("session-service").getSpec().getTemplate().getMetadata().getLabels()
                .put("app.kubernetes.io/name", "renamed");

        assertThat(new ServiceSelectorRule().check(tree.manifests())).extracting(Finding::toString).containsExactly(
                "services/session-service.yaml Service/session-service: selects no Deployment's pods: "
                        + "{app.kubernetes.io/name=session-service, app.kubernetes.io/part-of=ai-persona}");
    }

    @Test
    void aResourceOutsideTheDeclaredNamespaceIsReported() {
        tree.find("Service", "chat-gateway").resource().getMetadata().setNamespace(null);
        tree.find("KafkaTopic", "persona.changed.v1").resource().getMetadata().setNamespace("kafka");

        assertThat(new NamespaceRule().check(tree.manifests())).extracting(Finding::toString).containsExactlyInAnyOrder(
                "services/chat-gateway.yaml Service/chat-gateway: is in namespace null, not one declared here [ai-persona]",
                "infra/topics.yaml KafkaTopic/persona.changed.v1: is in namespace kafka, not one declared here [ai-persona]");
    }
}
