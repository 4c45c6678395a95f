package ai.persona.infra.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.persona.infra.PostgresConnection;

class ServiceConfigTest {

    @TempDir
    Path root;

    private final PostgresConnection db = new PostgresConnection("localhost", 5432, "some_db", "postgres", "postgres");

    private Map<String, String> configOf(String service, Map<String, Map<String, String>> extra) {
        return configOf(service, Map.of(), extra);
    }

    private Map<String, String> configOf(String service, Map<String, String> persona,
            Map<String, Map<String, String>> extra) {
        StackOptions options = StackOptions.of(root, root.resolve("logs"), "http://localhost:9/v1/")
                .withPersonaConfig(persona)
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
    void thePersonaSettingsReachEveryServiceAlikeAndAServicesOwnSettingGoesOverThem() {
        Map<String, String> persona = Map.of("persona.schema-file", "/schemas/shop.json",
                "persona.optimizer.max-operations", "10");
        Map<String, Map<String, String>> extra = Map.of(LocalStack.UPDATER, Map.of("persona.schema-file", "/other.json"));

        for (String service : List.of(LocalStack.SESSION_SERVICE, LocalStack.GATEWAY)) {
            assertEquals("/schemas/shop.json", configOf(service, persona, extra).get("persona.schema-file"));
            assertEquals("10", configOf(service, persona, extra).get("persona.optimizer.max-operations"));
        }
        assertEquals("/other.json", configOf(LocalStack.UPDATER, persona, extra).get("persona.schema-file"));
        assertEquals("10", configOf(LocalStack.UPDATER, persona, extra).get("persona.optimizer.max-operations"));
    }

    @Test
    void aSettingOutsidePersonaIsRefusedAsAPersonaSetting() {
        StackOptions options = StackOptions.of(root, root.resolve("logs"), "http://localhost:9/v1/");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> options.withPersonaConfig(Map.of("persona-updater.batch.size", "5")));
        assertEquals("persona-updater.batch.size is no persona.* setting; give it per service", refused.getMessage());
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
    void everyServiceListensOnLoopbackOnlyItsApiAndItsManagementInterfaceAlike() {
        for (String service : List.of(LocalStack.SESSION_SERVICE, LocalStack.UPDATER, LocalStack.GATEWAY)) {
            Map<String, String> config = configOf(service, Map.of());
            assertEquals("127.0.0.1", config.get("quarkus.http.host"), service);
            assertEquals("127.0.0.1", config.get("quarkus.management.host"), service);
        }
    }

    @Test
    void theCallersOwnSettingsComeLast() {
        Map<String, String> updater = configOf(LocalStack.UPDATER, Map.of(LocalStack.UPDATER, Map.of(
                "mp.messaging.incoming.conversations.session.timeout.ms", "10000", "persona-updater.sweep-interval", "1s")));

        assertEquals("10000", updater.get("mp.messaging.incoming.conversations.session.timeout.ms"));
        assertEquals("1s", updater.get("persona-updater.sweep-interval"));
    }
}
