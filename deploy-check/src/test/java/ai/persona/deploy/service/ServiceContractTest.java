package ai.persona.deploy.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

import ai.persona.deploy.DeployTree;

/** What a service needs, read from its configuration: variables and Kafka topics. */
class ServiceContractTest {

    private static final String PROPERTIES = """
            quarkus.datasource.username=${DB_USER:postgres}
            quarkus.datasource.password=${DB_PASSWORD}
            some.url=http://${HOST:localhost}:${PORT}/x
            quarkus.application.name=${quarkus.profile}-app
            %test.quarkus.datasource.jdbc.url=${TEST_ONLY_URL}
            %prod.quarkus.log.level=${LOG_LEVEL}
            mp.messaging.incoming.orders.connector=smallrye-kafka
            mp.messaging.incoming.orders.failure-strategy=dead-letter-queue
            mp.messaging.incoming.named.connector=smallrye-kafka
            mp.messaging.incoming.named.topic=orders.v1
            mp.messaging.incoming.named.failure-strategy=dead-letter-queue
            mp.messaging.incoming.named.dead-letter-queue.topic=dead.v1
            mp.messaging.outgoing.out.connector=smallrye-kafka
            mp.messaging.outgoing.out.topic=${OUT_TOPIC:out.v1}
            mp.messaging.outgoing.memory.connector=smallrye-in-memory
            %test.mp.messaging.outgoing.tests.connector=smallrye-kafka
            """;

    private final ServiceContract contract = ServiceContract.of("svc", PROPERTIES, "", Set.of("DB_USER"));

    @Test
    void variablesWithoutDefaultAreRequiredInTheProdProfileOnly() {
        assertThat(contract.envReferences()).containsExactlyInAnyOrder("DB_USER", "DB_PASSWORD", "HOST", "PORT",
                "LOG_LEVEL", "OUT_TOPIC");
        assertThat(contract.envWithoutDefault()).containsExactlyInAnyOrder("DB_PASSWORD", "PORT", "LOG_LEVEL");
        assertThat(contract.requiredEnv()).containsExactlyInAnyOrder("DB_USER", "DB_PASSWORD", "PORT", "LOG_LEVEL");
    }

    @Test
    void topicsAsTheKafkaConnectorResolvesThem() {
        assertThat(contract.consumedTopics()).containsExactlyInAnyOrder("orders", "orders.v1");
        assertThat(contract.producedTopics()).containsExactlyInAnyOrder("${OUT_TOPIC:out.v1}",
                "dead-letter-topic-orders", "dead.v1");
    }

    @Test
    void theServicesOwnConfigurationIsRead() {
        ServiceContract updater = DeployTree.service("persona-updater");
        assertThat(updater.consumedTopics()).containsExactlyInAnyOrder("persona.conversations.completed.v1",
                "persona.changed.v1", "persona.session-events.v1");
        assertThat(updater.producedTopics()).containsExactlyInAnyOrder("persona.patches.proposed.v1",
                "persona.dead-letter.v1");
        assertThat(updater.envReferences()).contains("DB_USER", "KAFKA_BOOTSTRAP_SERVERS", "OPTIMIZER_API_KEY");
    }
}
