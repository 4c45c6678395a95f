package ai.persona.infra.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.persona.infra.PostgresConnection;

class ServiceConfigTest {

    @TempDir
    Path root;

    private final PostgresConnection db = new PostgresConnection("localhost", 5432, "some_db", "postgres", "postgres");

    private Map<String, String> configOf(String service, Map<String, Map<String, String>> extra) {
        StackOptions options = StackOptions.of(root, root.resolve("logs"), "http://localhost:9/v1/")
                .withServiceConfig(extra);
        JwtKeyFolder keys = new JwtKeyFolder(root.resolve("jwt"), "issuer");
        ServiceKeys serviceKeys = new ServiceKeys(root.resolve("jwt/services"));
        return new ServiceConfig(options, keys, serviceKeys).of(service, db, "localhost:9092", "http://localhost:8081",
                "http://localhost:8082");
    }

    @Test
    void theVerifiersGetTheCallersKeysAndEachCallerItsOwnPrivateKey() {
        Map<String, String> session = configOf(LocalStack.SESSION_SERVICE, Map.of());
        Map<String, String> updater = configOf(LocalStack.UPDATER, Map.of());
        Map<String, String> gateway = configOf(LocalStack.GATEWAY, Map.of());
        String jwks = root.resolve("jwt/services/jwks.json").toUri().toString();

        assertEquals(jwks, session.get("mp.jwt.verify.publickey.location"));
        assertEquals(jwks, updater.get("mp.jwt.verify.publickey.location"));
        assertFalse(session.containsKey("smallrye.jwt.sign.key.location"));
        assertEquals(root.resolve("jwt/services/persona-updater/privateKey.pem").toUri().toString(),
                updater.get("smallrye.jwt.sign.key.location"));
        assertEquals(root.resolve("jwt/services/chat-gateway/privateKey.pem").toUri().toString(),
                gateway.get("smallrye.jwt.sign.key.location"));
        // the gateway verifies users' tokens, not service tokens
        assertEquals(root.resolve("jwt/publicKey.pem").toUri().toString(), gateway.get("mp.jwt.verify.publickey.location"));
    }

    @Test
    void everyConsumerOfARestartedServiceRejoinsWithinSeconds() {
        Map<String, String> session = configOf(LocalStack.SESSION_SERVICE, Map.of());
        Map<String, String> updater = configOf(LocalStack.UPDATER, Map.of());
        Map<String, String> gateway = configOf(LocalStack.GATEWAY, Map.of());

        assertEquals("6000", session.get("mp.messaging.incoming.session-events.session.timeout.ms"));
        assertEquals("6000", session.get("mp.messaging.incoming.persona-patches.session.timeout.ms"));
        assertEquals("6000", updater.get("mp.messaging.incoming.conversations.session.timeout.ms"));
        assertEquals("6000", updater.get("mp.messaging.incoming.persona-changed.session.timeout.ms"));
        assertEquals("6000", gateway.get("mp.messaging.incoming.persona-changed.session.timeout.ms"));
        assertEquals("2000", gateway.get("mp.messaging.incoming.persona-changed.heartbeat.interval.ms"));
    }

    @Test
    void onlyTheGatewayVerifiesTokensAndSessionServiceCallsNoModel() {
        Map<String, String> session = configOf(LocalStack.SESSION_SERVICE, Map.of());
        Map<String, String> gateway = configOf(LocalStack.GATEWAY, Map.of());

        assertFalse(session.containsKey("quarkus.langchain4j.openai.base-url"));
        assertFalse(session.containsKey("gateway.llm.base-url"));
        assertEquals("http://localhost:9/v1/", gateway.get("gateway.llm.base-url"));
        assertFalse(session.containsKey("mp.jwt.verify.issuer"));
        assertEquals("issuer", gateway.get("mp.jwt.verify.issuer"));
        assertEquals("http://localhost:8081", gateway.get("quarkus.rest-client.session-service.url"));
        assertEquals("http://localhost:8082", gateway.get("quarkus.rest-client.persona-updater.url"));
        assertFalse(session.containsKey("quarkus.rest-client.persona-updater.url"));
        assertEquals("jdbc:postgresql://localhost:5432/some_db", gateway.get("quarkus.datasource.jdbc.url"));
    }

    @Test
    void theCallersOwnSettingsComeLast() {
        Map<String, String> updater = configOf(LocalStack.UPDATER, Map.of(LocalStack.UPDATER, Map.of(
                "mp.messaging.incoming.conversations.session.timeout.ms", "10000", "persona-updater.sweep-interval", "1s")));

        assertEquals("10000", updater.get("mp.messaging.incoming.conversations.session.timeout.ms"));
        assertEquals("1s", updater.get("persona-updater.sweep-interval"));
    }
}
