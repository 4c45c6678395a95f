package ai.persona.gateway.support;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ai.persona.infra.KafkaTestResource;
import ai.persona.infra.PostgresTestResource;
import ai.persona.infra.ServiceKeysTestResource;
import ai.persona.infra.SharedQuarkusApps;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The real session-service, run from its packaged jar as a separate process on the test JVM's shared PostgreSQL
 * (database session_service) and Kafka, once per test JVM: the gateway is tested against the real system of record, not
 * a mock of it. Points the gateway's REST client at it.
 */
public class SessionServiceProcess implements QuarkusTestResourceLifecycleManager {

    public static final String URL_PROPERTY = "quarkus.rest-client.session-service.url";

    private static final String BUILD_HINT = "Build it first: mvn -pl session-service package -DskipTests "
            + "(or run the gateway's tests with -am).";

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(database());
        config.put("kafka.bootstrap.servers", kafkaBootstrapServers());
        // it verifies the gateway's service token (ServiceKeysTestResource gives the gateway its private key)
        config.put("mp.jwt.verify.publickey.location", ServiceKeysTestResource.keys().jwks().toUri().toString());
        String jar = System.getProperty("session-service.jar", "../session-service/target/quarkus-app/quarkus-run.jar");
        String log = Path.of(System.getProperty("test.work-dir", "target"), "session-service-process.log")
                .toAbsolutePath().toString();
        // small heap and quick start-up: the machine's cores are shared with the gateway under test
        List<String> jvm = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
        String url = SharedQuarkusApps.baseUrl("session-service", jar, config, jvm, log, BUILD_HINT);
        return Map.of(URL_PROPERTY, url);
    }

    private static Map<String, String> database() {
        PostgresTestResource postgres = new PostgresTestResource();
        postgres.init(Map.of(PostgresTestResource.DATABASE_ARG, "session_service"));
        return postgres.start();
    }

    /** The test JVM's shared broker (started once, whoever asks first). */
    static String kafkaBootstrapServers() {
        KafkaTestResource kafka = new KafkaTestResource();
        kafka.init(Map.of(KafkaTestResource.TOPICS_ARG, GatewayTestResources.TOPICS));
        return kafka.start().get("kafka.bootstrap.servers");
    }

    @Override
    public void stop() {
        // the process belongs to the JVM (see SharedQuarkusApps): the next test profile reuses it
    }
}
