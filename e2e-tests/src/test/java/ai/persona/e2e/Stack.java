package ai.persona.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ai.persona.events.EventContract;
import ai.persona.infra.KafkaTopics;
import ai.persona.infra.PostgresConnection;
import ai.persona.infra.QuarkusAppProcess;
import ai.persona.infra.TestServers;
import ai.persona.infra.TopicSpec;

/**
 * The whole system as separate processes: embedded PostgreSQL and Kafka (from local-infra), the LLM stub, and the three
 * packaged services. Tests reach it only through the gateway, and look underneath only to check what was stored.
 */
final class Stack implements AutoCloseable {

    private static final Duration START = Duration.ofSeconds(120);

    final Path root = Path.of(System.getProperty("persona.root", "..")).toAbsolutePath().normalize();
    final Path logs = root.resolve("e2e-tests/target/e2e-logs");
    final TestServers servers = new TestServers(System::getenv);
    final LlmStub llm = new LlmStub();
    final JwtKeys keys = JwtKeys.generate(logs);
    final Map<String, PostgresConnection> databases = new HashMap<>();
    final QuarkusAppProcess sessionService;
    QuarkusAppProcess updater;
    final QuarkusAppProcess gateway;

    Stack() {
        for (String db : List.of("session_service", "persona_updater", "chat_gateway")) {
            databases.put(db, servers.postgres(db));
        }
        KafkaTopics.createIfAbsent(servers.kafkaBootstrapServers(), List.of(
                TopicSpec.of(EventContract.CONVERSATION_COMPLETED.topic(), 3),
                TopicSpec.of(EventContract.PERSONA_PATCH_PROPOSED.topic(), 3),
                TopicSpec.compacted(EventContract.PERSONA_CHANGED.topic(), 3),
                TopicSpec.of(EventContract.DEAD_LETTER_TOPIC, 1)));
        sessionService = launch("session-service", 0, infraConfig("session_service"));
        startUpdater();
        Map<String, String> gatewayConfig = infraConfig("chat_gateway");
        gatewayConfig.putAll(llmConfig());
        gatewayConfig.put("quarkus.rest-client.session-service.url", sessionService.baseUrl());
        gatewayConfig.put("mp.jwt.verify.publickey.location", keys.publicKeyPem().toUri().toString());
        gatewayConfig.put("mp.jwt.verify.issuer", JwtKeys.ISSUER);
        gateway = launch("chat-gateway", 0, gatewayConfig);
    }

    /** Starts the updater, on the port it had before when it is a restart. */
    void startUpdater() {
        Map<String, String> config = infraConfig("persona_updater");
        config.putAll(llmConfig());
        config.put("quarkus.rest-client.session-service.url", sessionService.baseUrl());
        // a restarted updater must not wait the default 45 s for its killed predecessor's consumer session to expire
        config.put("mp.messaging.incoming.conversations.session.timeout.ms", "6000");
        config.put("mp.messaging.incoming.persona-changed.session.timeout.ms", "6000");
        updater = updater == null
                ? launch("persona-updater", 0, config)
                : launch("persona-updater", updater.port(), config, "persona-updater-restarted.log");
    }

    private QuarkusAppProcess launch(String module, int port, Map<String, String> config) {
        return launch(module, port, config, module + ".log");
    }

    private QuarkusAppProcess launch(String module, int port, Map<String, String> config, String log) {
        return QuarkusAppProcess.builder(module, root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar"))
                .config(config)
                .port(port)
                .logFile(logs.resolve(log))
                .readyTimeout(START)
                .missingJarHint("package the services first: mvn package -DskipTests")
                .start();
    }

    private Map<String, String> infraConfig(String database) {
        PostgresConnection db = databases.get(database);
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.username", db.user());
        config.put("quarkus.datasource.password", db.password());
        config.put("quarkus.datasource.jdbc.url", db.jdbcUrl());
        config.put("quarkus.datasource.reactive.url", db.reactiveUrl());
        config.put("kafka.bootstrap.servers", servers.kafkaBootstrapServers());
        return config;
    }

    private Map<String, String> llmConfig() {
        return Map.of("quarkus.langchain4j.openai.base-url", llm.baseUrl(),
                "quarkus.langchain4j.openai.api-key", "stub",
                "quarkus.langchain4j.openai.chat-model.model-name", "stub-model");
    }

    @Override
    public void close() {
        for (QuarkusAppProcess service : new QuarkusAppProcess[] { gateway, updater, sessionService }) {
            if (service != null) {
                service.close();
            }
        }
        llm.close();
        servers.close();
    }
}
