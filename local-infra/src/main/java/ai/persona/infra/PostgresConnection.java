package ai.persona.infra;

import java.net.URI;

/**
 * Where one database lives and how to log in, in the two URL shapes the services need:
 * JDBC (Flyway, plain tests) and the Vert.x reactive client's {@code postgresql://} form.
 */
public record PostgresConnection(String host, int port, String database, String user, String password) {

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public String reactiveUrl() {
        return "postgresql://" + host + ":" + port + "/" + database;
    }

    public PostgresConnection withDatabase(String otherDatabase) {
        return new PostgresConnection(host, port, otherDatabase, user, password);
    }

    /**
     * Reads host, port and database from a JDBC URL such as {@code jdbc:postgresql://db:5432/app?ssl=false};
     * query parameters are dropped because the reactive client does not understand the JDBC ones.
     */
    public static PostgresConnection fromJdbcUrl(String jdbcUrl, String user, String password) {
        if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        String path = uri.getPath() == null ? "" : uri.getPath();
        String database = path.startsWith("/") ? path.substring(1) : path;
        if (uri.getHost() == null || database.isEmpty()) {
            throw new IllegalArgumentException("JDBC URL needs a host and a database: " + jdbcUrl);
        }
        int port = uri.getPort() > 0 ? uri.getPort() : 5432;
        return new PostgresConnection(uri.getHost(), port, database, user, password);
    }
}
