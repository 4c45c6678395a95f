package ai.persona.infra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.Map;

/**
 * Points a Quarkus test at a PostgreSQL database of its own name: {@code initArgs = @ResourceArg(name = "database",
 * value = "session_service")}, or a subclass passing the name to {@link #PostgresTestResource(String)}.
 * The server is shared by the whole JVM and outlives this resource; {@link #stop()} leaves it running.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE_ARG = "database";
    /** {@code "false"} leaves out {@code quarkus.datasource.jdbc.url}, which Quarkus flags as unknown without a JDBC extension. */
    public static final String JDBC_ARG = "jdbc";

    private String database;
    private boolean jdbc = true;

    public PostgresTestResource() {
        this("persona_test");
    }

    protected PostgresTestResource(String defaultDatabase) {
        this.database = defaultDatabase;
    }

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault(DATABASE_ARG, database);
        jdbc = Boolean.parseBoolean(initArgs.getOrDefault(JDBC_ARG, "true"));
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> db = SharedTestServersClient.postgres(database);
        Map<String, String> config = new HashMap<>(Map.of(
                "quarkus.datasource.reactive.url", db.get(SharedTestServers.REACTIVE_URL),
                "quarkus.datasource.username", db.get(SharedTestServers.USER),
                "quarkus.datasource.password", db.get(SharedTestServers.PASSWORD)));
        if (jdbc) {
            config.put("quarkus.datasource.jdbc.url", db.get(SharedTestServers.JDBC_URL));
        }
        return config;
    }

    @Override
    public void stop() {
        // the server belongs to the JVM (see SharedTestServers): the next test class reuses it
    }
}
