package ai.persona.gateway.support;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ai.persona.identity.ServiceIdentity;
import ai.persona.infra.PostgresTestResource;
import ai.persona.infra.QuarkusAppProcess;
import ai.persona.infra.ServiceKeysTestResource;
import ai.persona.infra.testing.OpenAiStub;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The real persona-updater, run from its packaged jar beside the shared session-service, for the tests that watch the
 * whole loop from the gateway (the console's). Its model is an OpenAI stub of its own that answers every optimizer
 * call with {@link #LEARNED}; the chat model stays the gateway's stub. Restricted to the classes that ask for it, and stopped after
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

    private OpenAiStub optimizer;
    private QuarkusAppProcess updater;

    @Override
    public Map<String, String> start() {
        optimizer = OpenAiStub.start();
        optimizer.on().replies(LEARNED);

        Map<String, String> config = new HashMap<>(database());
        // the same session-service process and broker as the gateway's (both shared within the test JVM)
        config.put("quarkus.rest-client.session-service.url",
                new SessionServiceProcess().start().get(SessionServiceProcess.URL_PROPERTY));
        config.put("kafka.bootstrap.servers", SessionServiceProcess.kafkaBootstrapServers());
        config.put("quarkus.langchain4j.openai.base-url", optimizer.baseUrl());
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

    @Override
    public void stop() {
        if (updater != null) {
            updater.close();
        }
        if (optimizer != null) {
            optimizer.close();
        }
    }
}
