package ai.persona.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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

    private final Path dataDirectory;
    private final boolean temporary;
    private final Map<String, String> serverConfig;
    private final int port;
    private EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(Path dataDirectory, boolean temporary, Map<String, String> serverConfig, int port) {
        this.dataDirectory = dataDirectory;
        this.temporary = temporary;
        this.serverConfig = serverConfig;
        this.postgres = launch(port);
        this.port = postgres.getPort();
    }

    /** A server on a temporary data directory that is deleted on close; port 0 picks a free port. */
    public static EmbeddedPostgresServer startTemporary(int port) {
        try {
            return new EmbeddedPostgresServer(Files.createTempDirectory("embedded-postgres-"), true, Map.of(), port);
        } catch (IOException e) {
            throw new UncheckedIOException("no temporary directory for PostgreSQL", e);
        }
    }

    /** A server whose data directory survives restarts; initdb runs only when the directory is still empty. */
    public static EmbeddedPostgresServer startKept(int port, Path dataDirectory) {
        // zonky turns this off for speed; kept data should survive a killed process
        return new EmbeddedPostgresServer(dataDirectory, false, Map.of("synchronous_commit", "on"), port);
    }

    // the data directory is never zonky's to delete: it must outlive a stopServer()
    private EmbeddedPostgres launch(int onPort) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(onPort)
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false);
            serverConfig.forEach(builder::setServerConfig);
            EmbeddedPostgres started = builder.start();
            LOG.infof("PostgreSQL started on port %d", started.getPort());
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
        }
    }

    /**
     * Stops the server (a fast shutdown: open connections are cut, committed data stays); clients see connection
     * refused until {@link #startServer()} brings it back on the same port with the same data.
     */
    public synchronized void stopServer() {
        if (postgres != null) {
            closeQuietly(postgres);
            postgres = null;
        }
    }

    public synchronized void startServer() {
        if (postgres == null) {
            postgres = launch(port);
        }
    }

    public int port() {
        return port;
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
    public synchronized void close() {
        stopServer();
        if (temporary) {
            deleteRecursively(dataDirectory);
        }
    }

    private static void closeQuietly(EmbeddedPostgres server) {
        try {
            server.close();
        } catch (IOException e) {
            LOG.warn("PostgreSQL did not stop cleanly", e);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            LOG.warnf("Could not delete %s: %s", directory, e.getMessage());
        }
    }
}
