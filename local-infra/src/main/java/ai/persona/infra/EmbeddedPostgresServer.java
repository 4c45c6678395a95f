package ai.persona.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL 17 server process (zonky's bundled binaries), either throw-away for tests or on a kept
 * data directory for local runs. Each service owns a database on it, created on demand.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresServer.class);
    // trust authentication (initdb -A trust): any password is accepted, this one only keeps clients that insist on one happy
    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";
    private static final String DUPLICATE_DATABASE = "42P04";
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** A server on a temporary data directory that is deleted on close; port 0 picks a free port. */
    public static EmbeddedPostgresServer startTemporary(int port) {
        return start(EmbeddedPostgres.builder().setPort(port));
    }

    /** A server whose data directory survives restarts; initdb runs only when the directory is still empty. */
    public static EmbeddedPostgresServer startKept(int port, Path dataDirectory) {
        return start(EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                // zonky turns this off for speed; kept data should survive a killed process
                .setServerConfig("synchronous_commit", "on"));
    }

    private static EmbeddedPostgresServer start(EmbeddedPostgres.Builder builder) {
        try {
            EmbeddedPostgres postgres = builder.start();
            LOG.infof("PostgreSQL started on port %d", postgres.getPort());
            return new EmbeddedPostgresServer(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public PostgresConnection connection(String database) {
        return new PostgresConnection("localhost", port(), database, USER, PASSWORD);
    }

    /** Creates the database unless it exists; returns how to reach it. */
    public PostgresConnection createDatabaseIfAbsent(String database) {
        createDatabaseIfAbsent(connection("postgres"), database);
        return connection(database);
    }

    /** Also used against an external server, so it only needs a connection to its maintenance database. */
    static void createDatabaseIfAbsent(PostgresConnection maintenance, String database) {
        // CREATE DATABASE takes no bind parameters, so the name is checked instead of quoted
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("Unsupported database name: " + database);
        }
        try (Connection c = DriverManager.getConnection(maintenance.jdbcUrl(), maintenance.user(), maintenance.password());
             PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement create = c.createStatement()) {
                create.execute("CREATE DATABASE " + database);
                LOG.infof("Created database %s", database);
            }
        } catch (SQLException e) {
            if (DUPLICATE_DATABASE.equals(e.getSQLState())) {
                return; // another JVM sharing the server created it between our check and our CREATE
            }
            throw new IllegalStateException("Could not create database " + database + " at " + maintenance.jdbcUrl(), e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not stop cleanly", e);
        }
    }
}
