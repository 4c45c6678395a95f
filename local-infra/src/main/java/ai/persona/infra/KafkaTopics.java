package ai.persona.infra;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates topics through the Admin API, so it works the same against the embedded broker and an external one.
 * Existing topics are left alone: test classes sharing one broker all declare the topics they need.
 */
public final class KafkaTopics {

    private static final long TIMEOUT_SECONDS = 30;

    private KafkaTopics() {
    }

    public static void createIfAbsent(String bootstrapServers, List<TopicSpec> topics) {
        createIfAbsent(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), topics);
    }

    /** With a client configuration that has the bootstrap servers and, for a broker that authenticates, a login. */
    public static void createIfAbsent(Map<String, Object> clientConfig, List<TopicSpec> topics) {
        if (topics.isEmpty()) {
            return;
        }
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "local-infra-topics");
        try (Admin admin = Admin.create(config)) {
            List<NewTopic> newTopics = topics.stream().map(KafkaTopics::toNewTopic).toList();
            for (var result : admin.createTopics(newTopics).values().entrySet()) {
                awaitCreated(result.getKey(), result.getValue());
            }
        }
    }

    private static NewTopic toNewTopic(TopicSpec spec) {
        // replication factor 1: every broker this module knows about is a single node
        NewTopic topic = new NewTopic(spec.name(), spec.partitions(), (short) 1);
        if (spec.compacted()) {
            topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        }
        return topic;
    }

    private static void awaitCreated(String name, org.apache.kafka.common.KafkaFuture<Void> future) {
        try {
            future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Could not create topic " + name, e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("Timed out creating topic " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topic " + name, e);
        }
    }
}
