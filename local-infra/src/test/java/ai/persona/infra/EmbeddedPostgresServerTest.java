package ai.persona.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddedPostgresServerTest {

    @Test
    void roundTripsRowsThroughANewDatabase() throws SQLException {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startTemporary(0)) {
            PostgresConnection db = server.createDatabaseIfAbsent("session_service");
            // a second call must be a no-op, services call it on every start
            server.createDatabaseIfAbsent("session_service");

            try (Connection c = open(db); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE note (id int PRIMARY KEY, body text)");
                s.execute("INSERT INTO note VALUES (1, 'hello')");
                assertEquals("hello", single(s, "SELECT body FROM note WHERE id = 1"));
                assertEquals("session_service", single(s, "SELECT current_database()"));
                assertTrue(single(s, "SHOW server_version").startsWith("17."));
            }
        }
    }

    @Test
    void keptDataDirectorySurvivesARestart(@TempDir Path dataDir) throws SQLException {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startKept(0, dataDir)) {
            try (Connection c = open(server.createDatabaseIfAbsent("persona_updater")); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE kept (v text)");
                s.execute("INSERT INTO kept VALUES ('still here')");
            }
        }
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startKept(0, dataDir)) {
            try (Connection c = open(server.connection("persona_updater")); Statement s = c.createStatement()) {
                assertEquals("still here", single(s, "SELECT v FROM kept"));
            }
        }
    }

    @Test
    void temporaryServerComesBackOnItsPortWithItsDataAndIsDeletedOnClose() throws Exception {
        Path dataDirectory;
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startTemporary(0)) {
            PostgresConnection db = server.createDatabaseIfAbsent("chat_gateway");
            int port = server.port();
            try (Connection c = open(db); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE outage (v text)");
                s.execute("INSERT INTO outage VALUES ('committed before')");
                dataDirectory = Path.of(single(s, "SHOW data_directory"));
            }

            server.stopServer();
            assertThrows(SQLException.class, () -> open(db).close(), "nothing answers while the server is stopped");
            server.startServer();

            assertEquals(port, server.port());
            try (Connection c = open(db); Statement s = c.createStatement()) {
                assertEquals("committed before", single(s, "SELECT v FROM outage"));
            }
        }
        assertFalse(Files.exists(dataDirectory), "a temporary server leaves no data directory behind");
    }

    private static Connection open(PostgresConnection db) throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), "no row for " + sql);
            return rs.getString(1);
        }
    }
}
