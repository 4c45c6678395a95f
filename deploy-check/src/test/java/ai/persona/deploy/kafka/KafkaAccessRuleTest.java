package ai.persona.deploy.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ai.persona.deploy.DamagedTree;
import ai.persona.deploy.Finding;
import ai.persona.deploy.manifest.Manifest;
import ai.persona.deploy.manifest.ManifestReader;
import ai.persona.deploy.manifest.Manifests;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/**
 * The Kafka ACL rule against the event contract, on a small fixture (src/test/resources/kafka-access) that agrees
 * with it: each test damages one thing in memory and expects the finding.
 */
class KafkaAccessRuleTest {

    private final List<Manifest> fixture = ManifestReader.copy(ManifestReader.load(resource("kafka-access")));

    private static Path resource(String name) {
        try {
            return Path.of(KafkaAccessRuleTest.class.getClassLoader().getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static GenericKubernetesResource find(List<Manifest> manifests, String kind, String name) {
        return (GenericKubernetesResource) manifests.stream().filter(m -> m.is(kind, name)).findFirst().orElseThrow()
                .resource();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> acls(String user) {
        return (List<Map<String, Object>>) find(fixture, "KafkaUser", user).<Object>get("spec", "authorization", "acls");
    }

    private static Map<String, Object> acl(String type, String name, String patternType, String... operations) {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("type", type);
        resource.put("name", name);
        resource.put("patternType", patternType);
        Map<String, Object> acl = new LinkedHashMap<>();
        acl.put("resource", resource);
        acl.put("operations", new ArrayList<>(List.of(operations)));
        return acl;
    }

    private List<String> findings() {
        return new KafkaAccessRule().check(new Manifests(fixture)).stream().map(Finding::toString).toList();
    }

    @Test
    void aClusterWhoseAclsAgreeWithTheContractHasNoFinding() {
        assertThat(findings()).isEmpty();
    }

    @Test
    void aServiceThatMayWriteAnotherServicesTopicIsReported() {
        // the forged-patch path: the gateway could write what only the updater produces
        acls("chat-gateway").add(acl("topic", "persona.patches.proposed.v1", "literal", "Write"));

        assertThat(findings()).containsExactly("kafka.yaml KafkaUser/chat-gateway: may write persona.patches.proposed.v1, "
                + "which the event contract does not have it write (only persona-updater does)");
    }

    @Test
    void aServiceThatMayNotReadATopicItConsumesIsReported() {
        acls("persona-updater").removeIf(a -> "persona.session-events.v1".equals(((Map<?, ?>) a.get("resource")).get("name")));

        assertThat(findings()).containsExactly("kafka.yaml KafkaUser/persona-updater: may not read persona.session-events.v1, "
                + "which the event contract has it read");
    }

    @Test
    void wildcardsPrefixesAndOtherOperationsAreReported() {
        acls("session-service").add(acl("topic", "persona.", "prefix", "Read"));
        acls("session-service").add(acl("topic", "persona.changed.v1", "literal", "Alter"));
        acls("session-service").add(acl("group", "chat-gateway", "prefix", "Read"));

        assertThat(findings()).containsExactlyInAnyOrder(
                "kafka.yaml KafkaUser/session-service: may read group chat-gateway, which is not named after session-service",
                "kafka.yaml KafkaUser/session-service: grants Read on topic persona.*, beyond Read, Write and Describe on "
                        + "named topics and Read on its groups",
                "kafka.yaml KafkaUser/session-service: grants Alter on topic persona.changed.v1, beyond Read, Write and "
                        + "Describe on named topics and Read on its groups");
    }

    @Test
    void anotherSystemsUserThatMayWriteAContractTopicIsReported() {
        acls("crm-follower").add(acl("topic", "persona.changed.v1", "literal", "Write"));

        assertThat(findings()).containsExactly(
                "kafka.yaml KafkaUser/crm-follower: may write persona.changed.v1, which only session-service produces");
    }

    @Test
    void aMissingUserAnUnauthenticatedListenerAndNoAuthorizationAreReported() {
        fixture.removeIf(m -> m.is("KafkaUser", "persona-updater"));
        GenericKubernetesResource kafka = find(fixture, "Kafka", "fixture");
        @SuppressWarnings("unchecked")
        Map<String, Object> spec = (Map<String, Object>) kafka.<Object>get("spec", "kafka");
        spec.remove("authorization");
        @SuppressWarnings("unchecked")
        Map<String, Object> listener = ((List<Map<String, Object>>) spec.get("listeners")).get(0);
        listener.remove("authentication");

        assertThat(findings()).containsExactlyInAnyOrder(
                "kafka.yaml Kafka/fixture: has no authorization: every client could read and write every topic",
                "kafka.yaml Kafka/fixture: listener tls does not authenticate its clients",
                "service persona-updater: has no KafkaUser named persona-updater");
    }

    @Test
    void aServiceLoggingInAsAnotherServicesUserIsReported() {
        DamagedTree real = new DamagedTree();
        assertThat(new KafkaAccessRule().check(real.manifests())).isEmpty();
        EnvVar jaas = real.container("chat-gateway").getEnv().stream()
                .filter(env -> env.getName().equals("KAFKA_SASL_JAAS_CONFIG")).findFirst().orElseThrow();
        jaas.getValueFrom().getSecretKeyRef().setName("persona-updater");

        assertThat(new KafkaAccessRule().check(real.manifests())).extracting(Finding::toString).containsExactly(
                "service chat-gateway: KAFKA_SASL_JAAS_CONFIG must come from the Secret of its own KafkaUser chat-gateway, "
                        + "not Secret persona-updater");
    }

    @Test
    void aUserThatDoesNotAuthenticateOrReadsNoGroupIsReported() {
        @SuppressWarnings("unchecked")
        Map<String, Object> authentication = (Map<String, Object>) find(fixture, "KafkaUser", "persona-updater")
                .<Object>get("spec", "authentication");
        authentication.put("type", "none");
        acls("persona-updater").removeIf(a -> "group".equals(((Map<?, ?>) a.get("resource")).get("type")));

        assertThat(findings()).containsExactlyInAnyOrder(
                "kafka.yaml KafkaUser/persona-updater: does not authenticate with scram-sha-512 or tls",
                "kafka.yaml KafkaUser/persona-updater: may read no consumer group: grant Read on group persona-updater");
    }
}
