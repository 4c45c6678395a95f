package ai.persona.infra.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ai.persona.infra.KafkaTopics;
import ai.persona.infra.PostgresConnection;
import ai.persona.infra.QuarkusAppProcess;
import ai.persona.infra.TestServers;
import ai.persona.infra.TopicSpec;

/**
 * The whole system as separate processes: PostgreSQL and Kafka (embedded, or external ones named by the test servers'
 * environment variables), and the three packaged services pointed at one OpenAI-compatible LLM endpoint. The
 * end-to-end test, the evaluation and the benchmark run on it; users reach it through {@link #gatewayUrl()} with tokens
 * from {@link #tokenFor(String)}.
 */
public final class LocalStack implements AutoCloseable {

    public static final String SESSION_SERVICE = "session-service";
    public static final String UPDATER = "persona-updater";
    public static final String GATEWAY = "chat-gateway";
    private static final Duration START = Duration.ofSeconds(120);

    private final StackOptions options;
    private final TestServers servers = new TestServers(System::getenv);
    private final Map<String, PostgresConnection> databases = new HashMap<>();
    private final JwtKeyFolder keys;
    private final QuarkusAppProcess sessionService;
    private final QuarkusAppProcess gateway;
    private QuarkusAppProcess updater;

    private LocalStack(StackOptions options) {
        this.options = options;
        this.keys = JwtKeyFolder.ensure(options.logs().resolve("jwt"), JwtKeyFolder.DEFAULT_ISSUER);
        try {
            for (String service : List.of(SESSION_SERVICE, UPDATER, GATEWAY)) {
                databases.put(service, servers.postgres(service.replace('-', '_')));
            }
            KafkaTopics.createIfAbsent(servers.kafkaBootstrapServers(), options.topics());
            sessionService = launch(SESSION_SERVICE, 0, config(SESSION_SERVICE), SESSION_SERVICE + ".log");
            startUpdater();
            Map<String, String> gatewayConfig = config(GATEWAY);
            gatewayConfig.put("mp.jwt.verify.publickey.location", keys.publicKeyPem().toUri().toString());
            gatewayConfig.put("mp.jwt.verify.issuer", keys.issuer());
            gateway = launch(GATEWAY, 0, gatewayConfig, GATEWAY + ".log");
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public static LocalStack start(StackOptions options) {
        return new LocalStack(options);
    }

    public String gatewayUrl() {
        return gateway.baseUrl();
    }

    public String sessionServiceUrl() {
        return sessionService.baseUrl();
    }

    public String updaterUrl() {
        return updater.baseUrl();
    }

    public QuarkusAppProcess process(String service) {
        return switch (service) {
            case SESSION_SERVICE -> sessionService;
            case UPDATER -> updater;
            case GATEWAY -> gateway;
            default -> throw new IllegalArgumentException("no service " + service);
        };
    }

    public JwtKeyFolder keys() {
        return keys;
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

    /** Kills the updater without warning (SIGKILL), as a crash would. */
    public void killUpdater() {
        updater.kill();
    }

    /** Starts the updater, on the port it had before when it is a restart. */
    public void startUpdater() {
        Map<String, String> config = config(UPDATER);
        // a restarted updater must not wait the default 45 s for its killed predecessor's consumer session to expire
        config.put("mp.messaging.incoming.conversations.session.timeout.ms", "6000");
        config.put("mp.messaging.incoming.persona-changed.session.timeout.ms", "6000");
        updater = updater == null
                ? launch(UPDATER, 0, config, UPDATER + ".log")
                : launch(UPDATER, updater.port(), config, UPDATER + "-restarted.log");
    }

    private QuarkusAppProcess launch(String module, int port, Map<String, String> config, String log) {
        return QuarkusAppProcess.builder(module, options.root().resolve(module).resolve("target/quarkus-app/quarkus-run.jar"))
                .config(config)
                .jvmArgs(options.jvmArgs())
                .port(port)
                .logFile(options.logs().resolve(log))
                .readyTimeout(START)
                .missingJarHint("package the services first: mvn package -DskipTests")
                .start();
    }

    private Map<String, String> config(String service) {
        PostgresConnection db = databases.get(service);
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.username", db.user());
        config.put("quarkus.datasource.password", db.password());
        config.put("quarkus.datasource.jdbc.url", db.jdbcUrl());
        config.put("quarkus.datasource.reactive.url", db.reactiveUrl());
        config.put("kafka.bootstrap.servers", servers.kafkaBootstrapServers());
        if (!service.equals(SESSION_SERVICE)) {
            config.put("quarkus.rest-client.session-service.url", sessionService.baseUrl());
            config.put("quarkus.langchain4j.openai.base-url", options.llmBaseUrl());
            config.put("quarkus.langchain4j.openai.api-key", options.llmApiKey());
            config.put("quarkus.langchain4j.openai.chat-model.model-name", options.llmModel());
        }
        config.putAll(options.serviceConfig().getOrDefault(service, Map.of()));
        return config;
    }

    @Override
    public void close() {
        for (QuarkusAppProcess service : new QuarkusAppProcess[] { gateway, updater, sessionService }) {
            if (service != null) {
                service.close();
            }
        }
        servers.close();
    }
}
