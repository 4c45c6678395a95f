package ai.persona.gateway.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import ai.persona.identity.ServiceIdentity;
import ai.persona.infra.PostgresTestResource;
import ai.persona.infra.QuarkusAppProcess;
import ai.persona.infra.ServiceKeysTestResource;
import ai.persona.model.PersonaJson;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The real persona-updater, run from its packaged jar beside the shared session-service, for the tests that watch the
 * whole loop from the gateway (the console's). Its model is a stub of its own that answers every optimizer call with
 * {@link #LEARNED}; the chat model stays the gateway's stub. Restricted to the classes that ask for it, and stopped after
 * them: other tests' sessions must not be learned from while they run.
 */
public class UpdaterProcess implements QuarkusTestResourceLifecycleManager {

    /** What the stand-in optimizer learns from any batch: a name and a format, each with its reason. */
    public static final String LEARNED = """
            {"operations":[
              {"action":"add_field","section":"Demographics","field":"Name","value":"Mei","reason":"she introduced herself as Mei"},
              {"action":"add_field","section":"Preference","field":"Preferred_Formats","value":"short bullet lists","reason":"asked for bullet points"}
            ]}""";

    private static final String BUILD_HINT = "Build it first: mvn -pl persona-updater package -DskipTests "
            + "(or run the gateway's tests with -am).";

    private WireMockServer optimizer;
    private QuarkusAppProcess updater;

    @Override
    public Map<String, String> start() {
        optimizer = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        optimizer.start();
        optimizer.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody(completion(LEARNED))));

        Map<String, String> config = new HashMap<>(database());
        // the same session-service process and broker as the gateway's (both shared within the test JVM)
        config.put("quarkus.rest-client.session-service.url",
                new SessionServiceProcess().start().get(SessionServiceProcess.URL_PROPERTY));
        config.put("kafka.bootstrap.servers", SessionServiceProcess.kafkaBootstrapServers());
        config.put("quarkus.langchain4j.openai.base-url", optimizer.baseUrl() + "/v1/");
        config.put("quarkus.langchain4j.openai.api-key", "test-key");
        config.put("quarkus.langchain4j.openai.chat-model.model-name", "optimizer-stand-in");
        // it verifies the gateway's service token and signs its own for session-service
        config.put("mp.jwt.verify.publickey.location", ServiceKeysTestResource.keys().jwks().toUri().toString());
        config.put("smallrye.jwt.sign.key.location",
                ServiceKeysTestResource.keys().privateKeyPem(ServiceIdentity.UPDATER).toUri().toString());
        Path jar = Path.of(System.getProperty("persona-updater.jar",
                "../persona-updater/target/quarkus-app/quarkus-run.jar"));
        updater = QuarkusAppProcess.builder("persona-updater", jar)
                .config(config)
                .jvmArgs(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"))
                .logFile(Path.of(System.getProperty("test.work-dir", "target"), "persona-updater-process.log"))
                .missingJarHint(BUILD_HINT)
                .start();
        return Map.of("quarkus.rest-client.persona-updater.url", updater.baseUrl());
    }

    private static Map<String, String> database() {
        PostgresTestResource postgres = new PostgresTestResource();
        postgres.init(Map.of(PostgresTestResource.DATABASE_ARG, "persona_updater"));
        return postgres.start();
    }

    private static String completion(String content) {
        ObjectNode body = PersonaJson.mapper().createObjectNode()
                .put("id", "optimizer-stand-in")
                .put("object", "chat.completion")
                .put("created", 0)
                .put("model", "optimizer-stand-in");
        body.putArray("choices").addObject()
                .put("index", 0)
                .put("finish_reason", "stop")
                .putObject("message").put("role", "assistant").put("content", content);
        body.putObject("usage").put("prompt_tokens", 1).put("completion_tokens", 1).put("total_tokens", 2);
        return body.toString();
    }

    @Override
    public void stop() {
        if (updater != null) {
            updater.close();
        }
        if (optimizer != null) {
            optimizer.stop();
        }
    }
}
