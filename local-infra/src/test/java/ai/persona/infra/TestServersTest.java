package ai.persona.infra;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The environment variables that swap the embedded servers for external ones; the JVM's shared servers play those. */
class TestServersTest {

    @Test
    void externalKafkaIsUsedAsGivenAndIsNotOursToStop() throws Exception {
        String external = SharedTestServers.kafkaBootstrapServers();
        TestServers servers = new TestServers(Map.of(TestServers.KAFKA_BOOTSTRAP_ENV, " " + external + " ")::get);

        assertEquals(external, servers.kafkaBootstrapServers());
        assertTrue(servers.embeddedKafka().isEmpty());
        servers.createTopics(List.of(TopicSpec.of("on-external-broker", 2)));
        assertEquals(2, KafkaClients.partitions(external, "on-external-broker"));
    }

    @Test
    void externalPostgresGetsTheServiceDatabaseNextToTheOneInTheUrl() throws Exception {
        String maintenanceUrl = SharedTestServers.postgres("postgres").get(SharedTestServers.JDBC_URL);
        TestServers servers = new TestServers(Map.of(
                TestServers.PG_JDBC_URL_ENV, maintenanceUrl + "?sslmode=disable",
                TestServers.PG_USER_ENV, "postgres",
                TestServers.PG_PASSWORD_ENV, "postgres")::get);

        PostgresConnection db = servers.postgres("external_service");

        String server = maintenanceUrl.substring("jdbc:".length(), maintenanceUrl.lastIndexOf('/'));
        assertEquals(server + "/external_service", db.reactiveUrl());
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_database()")) {
            rs.next();
            assertEquals("external_service", rs.getString(1));
        }
    }
}
