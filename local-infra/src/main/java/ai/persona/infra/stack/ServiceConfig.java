package ai.persona.infra.stack;

import static ai.persona.infra.stack.LocalStack.GATEWAY;
import static ai.persona.infra.stack.LocalStack.SESSION_SERVICE;
import static ai.persona.infra.stack.LocalStack.UPDATER;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ai.persona.infra.PostgresConnection;

/** The configuration each service of a {@link LocalStack} is started with, the same at every (re)start. */
final class ServiceConfig {

    /**
     * Each service's Kafka consumers. A consumer killed without warning stays in its group until its session times out
     * (45 s by default), and its partitions with it: a restarted service's consumers would wait that long to rejoin.
     */
    private static final Map<String, List<String>> INCOMING = Map.of(
            SESSION_SERVICE, List.of("session-events", "persona-patches"),
            UPDATER, List.of("conversations", "persona-changed", "persona-versions", "session-events"),
            GATEWAY, List.of("persona-changed"));
    // the broker's smallest allowed session timeout; heartbeats a third of it, as Kafka advises
    private static final String SESSION_TIMEOUT_MS = "6000";
    private static final String HEARTBEAT_MS = "2000";

    private final StackOptions options;
    private final JwtKeyFolder keys;
    private final ServiceKeys serviceKeys;

    ServiceConfig(StackOptions options, JwtKeyFolder keys, ServiceKeys serviceKeys) {
        this.options = options;
        this.keys = keys;
        this.serviceKeys = serviceKeys;
    }

    Map<String, String> of(String service, PostgresConnection db, String kafkaBootstrapServers,
            String sessionServiceUrl, String updaterUrl) {
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.username", db.user());
        config.put("quarkus.datasource.password", db.password());
        config.put("quarkus.datasource.jdbc.url", db.jdbcUrl());
        config.put("quarkus.datasource.reactive.url", db.reactiveUrl());
        config.put("kafka.bootstrap.servers", kafkaBootstrapServers);
        // reachable from this machine only, as deploy/local/up binds them
        config.put("quarkus.http.host", "127.0.0.1");
        config.put("quarkus.management.host", "127.0.0.1");
        for (String channel : INCOMING.get(service)) {
            config.put("mp.messaging.incoming." + channel + ".session.timeout.ms", SESSION_TIMEOUT_MS);
            config.put("mp.messaging.incoming." + channel + ".heartbeat.interval.ms", HEARTBEAT_MS);
        }
        if (!service.equals(SESSION_SERVICE)) {
            config.put("quarkus.rest-client.session-service.url", sessionServiceUrl);
        }
        // the model: the updater's is quarkus-langchain4j's, the gateway's has keys of its own (its ModelConfig)
        if (service.equals(UPDATER)) {
            config.put("quarkus.langchain4j.openai.base-url", options.llmBaseUrl());
            config.put("quarkus.langchain4j.openai.api-key", options.llmApiKey());
            config.put("quarkus.langchain4j.openai.chat-model.model-name", options.llmModel());
        }
        if (service.equals(GATEWAY)) {
            config.put("gateway.llm.base-url", options.llmBaseUrl());
            config.put("gateway.llm.api-key", options.llmApiKey());
            config.put("gateway.llm.model-name", options.llmModel());
        }
        // service identity: session-service and the updater verify callers' tokens, the gateway and the updater sign theirs
        if (!service.equals(GATEWAY)) {
            config.put("mp.jwt.verify.publickey.location", serviceKeys.jwks().toUri().toString());
        }
        if (!service.equals(SESSION_SERVICE)) {
            config.put("smallrye.jwt.sign.key.location", serviceKeys.privateKeyPem(service).toUri().toString());
        }
        if (service.equals(GATEWAY)) {
            config.put("quarkus.rest-client.persona-updater.url", updaterUrl);
            config.put("mp.jwt.verify.publickey.location", keys.publicKeyPem().toUri().toString());
            config.put("mp.jwt.verify.issuer", keys.issuer());
        }
        config.putAll(options.personaConfig());
        config.putAll(options.serviceConfig().getOrDefault(service, Map.of()));
        return config;
    }
}
