package ai.persona.infra.stack;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ai.persona.identity.ServiceIdentity;
import ai.persona.infra.EmbeddedKafkaBroker;
import ai.persona.infra.EmbeddedPostgresServer;
import ai.persona.infra.KafkaTopics;
import ai.persona.infra.PostgresConnection;
import ai.persona.infra.QuarkusAppProcess;
import ai.persona.infra.TestServers;

/**
 * The whole system as separate processes: PostgreSQL and Kafka (embedded, or external ones named by the test servers'
 * environment variables), and the three packaged services pointed at one OpenAI-compatible LLM endpoint. The
 * end-to-end tests, the evaluation and the benchmark run on it; users reach it through {@link #gatewayUrl()} with tokens
 * from {@link #tokenFor(String)}, operators session-service and the updater with {@link #adminTokenFor(String)}.
 *
 * <p>Fault tests take parts of it away: {@link #kill(String)} crashes a service (SIGKILL) and {@link #restart(String)}
 * brings it back on the same port; the embedded broker and PostgreSQL server can be stopped and started again with
 * their data.</p>
 */
public final class LocalStack implements AutoCloseable {

    public static final String SESSION_SERVICE = "session-service";
    public static final String UPDATER = "persona-updater";
    public static final String GATEWAY = "chat-gateway";
    /** In start order: the others call session-service. */
    public static final List<String> SERVICES = List.of(SESSION_SERVICE, UPDATER, GATEWAY);

    private final TestServers servers = new TestServers(System::getenv);
    private final Map<String, PostgresConnection> databases = new HashMap<>();
    private final JwtKeyFolder keys;
    private final ServiceKeys serviceKeys;
    private final ServiceProcesses processes;

    private LocalStack(StackOptions options) {
        this.keys = JwtKeyFolder.ensure(options.logs().resolve("jwt"), JwtKeyFolder.DEFAULT_ISSUER);
        this.serviceKeys = ServiceKeys.ensure(options.logs().resolve("jwt").resolve("services"));
        this.processes = new ServiceProcesses(options);
        ServiceConfig config = new ServiceConfig(options, keys, serviceKeys);
        try {
            for (String service : SERVICES) {
                databases.put(service, servers.postgres(service.replace('-', '_')));
            }
            KafkaTopics.createIfAbsent(servers.kafkaBootstrapServers(), options.topics());
            // in SERVICES' order: the gateway, last, is pointed at the two it calls
            for (String service : SERVICES) {
                String sessionServiceUrl = service.equals(SESSION_SERVICE) ? null : sessionServiceUrl();
                String updaterUrl = service.equals(GATEWAY) ? updaterUrl() : null;
                processes.start(service, config.of(service, databases.get(service), servers.kafkaBootstrapServers(),
                        sessionServiceUrl, updaterUrl));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public static LocalStack start(StackOptions options) {
        return new LocalStack(options);
    }

    public String gatewayUrl() {
        return processes.get(GATEWAY).baseUrl();
    }

    public String sessionServiceUrl() {
        return processes.get(SESSION_SERVICE).baseUrl();
    }

    public String updaterUrl() {
        return processes.get(UPDATER).baseUrl();
    }

    /** The service's current process (a new one after each restart). */
    public QuarkusAppProcess process(String service) {
        return processes.get(service);
    }

    /** The configuration the service is started with (at every restart too), to start another instance like it. */
    public Map<String, String> configOf(String service) {
        return processes.config(service);
    }

    public JwtKeyFolder keys() {
        return keys;
    }

    /** The callers' service keys ({@code jwt/services} beside the users' key pair). */
    public ServiceKeys serviceKeys() {
        return serviceKeys;
    }

    /** An operator's service token for calling session-service or the updater directly (their names in this class). */
    public String adminTokenFor(String service) {
        return serviceKeys.tokenFor(ServiceIdentity.ADMIN, service);
    }

    public String tokenFor(String userId) {
        return keys.tokenFor(userId, Duration.ofHours(12));
    }

    public TestServers servers() {
        return servers;
    }

    public PostgresConnection database(String service) {
        return databases.get(service);
    }

    /** Kills the service without warning (SIGKILL), as a crash would, and waits until its process is gone. */
    public void kill(String service) {
        processes.kill(service);
    }

    /**
     * Starts the service again, on the port it had and with the same configuration, and waits until it is ready; a
     * service still running is killed first. Its consumers rejoin their groups within seconds: the stack shortens their
     * session timeouts, so the partitions of the killed instance's consumers are soon handed on.
     */
    public void restart(String service) {
        processes.restart(service);
    }

    /** Takes the embedded broker offline (clients see connection refused); its data and port stay. */
    public void stopKafka() {
        embeddedKafka().stopBroker();
    }

    public void startKafka() {
        embeddedKafka().startBroker();
    }

    /** Stops the embedded PostgreSQL server (a fast shutdown: connections are cut, committed data stays). */
    public void stopPostgres() {
        embeddedPostgres().stopServer();
    }

    public void startPostgres() {
        embeddedPostgres().startServer();
    }

    private EmbeddedKafkaBroker embeddedKafka() {
        return servers.embeddedKafka()
                .orElseThrow(() -> new IllegalStateException("Kafka is external: the stack cannot stop it"));
    }

    private EmbeddedPostgresServer embeddedPostgres() {
        return servers.embeddedPostgres()
                .orElseThrow(() -> new IllegalStateException("PostgreSQL is external: the stack cannot stop it"));
    }

    @Override
    public void close() {
        try {
            processes.close();
        } finally {
            servers.close();
        }
    }
}
