package ai.persona.infra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Points a Quarkus test at the JVM's shared Kafka broker, creating the topics named in the optional
 * {@code topics} init argument ({@code "persona-updates:3,persona-snapshots:3:compact"}) before Quarkus starts,
 * so consumers find their partitions at boot. {@link #stop()} leaves the broker running for the next test class.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String TOPICS_ARG = "topics";

    private String topics = "";

    @Override
    public void init(Map<String, String> initArgs) {
        topics = initArgs.getOrDefault(TOPICS_ARG, "");
    }

    @Override
    public Map<String, String> start() {
        String bootstrapServers = SharedTestServersClient.kafkaBootstrapServers();
        SharedTestServersClient.createTopics(topics);
        return Map.of("kafka.bootstrap.servers", bootstrapServers);
    }

    @Override
    public void stop() {
        // the broker belongs to the JVM (see SharedTestServers): the next test class reuses it
    }

    /** False when {@code PERSONA_TEST_KAFKA_BOOTSTRAP} names an external broker; outage tests should then skip. */
    public static boolean brokerCanBeStopped() {
        return SharedTestServersClient.kafkaIsEmbedded();
    }

    /** Takes the shared broker offline (controller and data stay) to test behaviour during an outage. */
    public static void stopBroker() {
        SharedTestServersClient.stopKafkaBroker();
    }

    /** Brings the shared broker back on the same address with the same data. */
    public static void startBroker() {
        SharedTestServersClient.startKafkaBroker();
    }
}
