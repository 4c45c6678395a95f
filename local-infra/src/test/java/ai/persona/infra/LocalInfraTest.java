package ai.persona.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.persona.infra.cli.InfraCommand;
import ai.persona.infra.cli.LocalTools;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalInfraTest {

    @Test
    void startsBothServersWithTheServiceDatabasesAndTopics(@TempDir Path dataDir) throws Exception {
        LocalInfraOptions options = parse("--data-dir", dataDir.toString(), "--pg-port", "0",
                "--kafka-port", "0", "--topics", "local-events:2,local-state:1:compact");
        try (LocalInfra infra = LocalInfra.start(options)) {
            assertEquals(List.of("session_service", "persona_updater"),
                    infra.databases().stream().map(PostgresConnection::database).toList());
            for (PostgresConnection db : infra.databases()) {
                try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                     Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT current_database()")) {
                    rs.next();
                    assertEquals(db.database(), rs.getString(1));
                }
                assertTrue(infra.describe().contains(db.jdbcUrl()), infra.describe());
            }
            assertEquals(2, KafkaClients.partitions(infra.kafkaClientConfig(KafkaLogins.ADMIN), "local-events"));
            assertEquals("compact", KafkaClients.cleanupPolicy(infra.kafkaClientConfig(KafkaLogins.ADMIN), "local-state"));
            assertTrue(infra.describe().contains(infra.kafkaBootstrapServers()), infra.describe());
            assertTrue(infra.describe().contains("KAFKA_SECURITY_PROTOCOL=SASL_PLAINTEXT"), infra.describe());
            // how to reach the passwords, never the passwords themselves: the console goes to the stack's logs
            assertTrue(infra.describe().contains(infra.kafkaLogins().file().toString()), infra.describe());
            assertFalse(infra.describe().contains(infra.kafkaLogins().password("chat-gateway")), infra.describe());
        }
        assertTrue(dataDir.resolve("postgres/PG_VERSION").toFile().isFile(), "PostgreSQL data kept under --data-dir");
        assertTrue(dataDir.resolve("kafka/meta.properties").toFile().isFile(), "Kafka data kept under --data-dir");
    }

    @Test
    void optionsHaveLocalDefaultsAndRejectNonsense() {
        LocalInfraOptions defaults = parse();
        assertEquals(15432, defaults.postgresPort());
        assertEquals(19092, defaults.kafkaPort());
        assertEquals(List.of("session_service", "persona_updater"), defaults.databases());
        assertEquals(Path.of(".local", "infra").toAbsolutePath(), defaults.dataDirectory());
        assertThrows(ParameterException.class, () -> parse("--pg-port"));
        assertThrows(ParameterException.class, () -> parse("--pg-port", "70000"));
        assertThrows(ParameterException.class, () -> parse("--verbose", "yes"));
        assertThrows(ParameterException.class, () -> parse("--topics", "events:two"));
    }

    @Test
    void theInfraCommandRefusesAnUnknownOptionWithStatusTwo() {
        StringWriter err = new StringWriter();
        int status = new CommandLine(LocalTools.class).setErr(new PrintWriter(err)).execute("infra", "--verbose");
        assertEquals(2, status);
        assertTrue(err.toString().contains("Unknown option: '--verbose'"), err.toString());
    }

    private static LocalInfraOptions parse(String... args) {
        InfraCommand command = new InfraCommand();
        new CommandLine(command).parseArgs(args);
        return command.options();
    }
}
