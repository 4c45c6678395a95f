package ai.persona.infra.stack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import ai.persona.events.EventContract;
import ai.persona.infra.TopicSpec;

/**
 * How a {@link LocalStack} runs.
 *
 * @param root the project's root folder (the services' packaged jars are under {@code <module>/target/quarkus-app})
 * @param logs where the services' logs and the stack's JWT keys go
 * @param llmBaseUrl the OpenAI-compatible endpoint of the gateway's and the updater's models; ends in {@code /v1/}
 * @param personaConfig the shared {@code persona.*} settings (schema file, limits, sensitive-data categories), given to
 *        every service alike as one ConfigMap gives them in Kubernetes: the updater and the gateway refuse to start
 *        with a persona model other than session-service's
 * @param serviceConfig extra configuration per service name, over the stack's own and the persona settings
 */
public record StackOptions(Path root, Path logs, String llmBaseUrl, String llmApiKey, String llmModel,
        int partitions, List<String> jvmArgs, Map<String, String> personaConfig,
        Map<String, Map<String, String>> serviceConfig) {

    public StackOptions {
        root = root.toAbsolutePath().normalize();
        logs = logs.toAbsolutePath().normalize();
        jvmArgs = List.copyOf(jvmArgs);
        personaConfig = Map.copyOf(personaConfig);
        serviceConfig = Map.copyOf(serviceConfig);
        for (String key : personaConfig.keySet()) {
            if (!key.startsWith("persona.")) {
                throw new IllegalArgumentException(key + " is no persona.* setting; give it per service");
            }
        }
    }

    public static StackOptions of(Path root, Path logs, String llmBaseUrl) {
        return new StackOptions(root, logs, llmBaseUrl, "stub", "stub-model", 3, List.of(), Map.of(), Map.of());
    }

    public StackOptions withServiceConfig(Map<String, Map<String, String>> config) {
        return new StackOptions(root, logs, llmBaseUrl, llmApiKey, llmModel, partitions, jvmArgs, personaConfig,
                config);
    }

    public StackOptions withPersonaConfig(Map<String, String> config) {
        return new StackOptions(root, logs, llmBaseUrl, llmApiKey, llmModel, partitions, jvmArgs, config,
                serviceConfig);
    }

    public StackOptions withJvmArgs(List<String> args) {
        return new StackOptions(root, logs, llmBaseUrl, llmApiKey, llmModel, partitions, args, personaConfig,
                serviceConfig);
    }

    public StackOptions withPartitions(int count) {
        return new StackOptions(root, logs, llmBaseUrl, llmApiKey, llmModel, count, jvmArgs, personaConfig,
                serviceConfig);
    }

    List<TopicSpec> topics() {
        return List.of(
                TopicSpec.of(EventContract.SESSION_EVENT.topic(), partitions),
                TopicSpec.of(EventContract.CONVERSATION_COMPLETED.topic(), partitions),
                TopicSpec.of(EventContract.PERSONA_PATCH_PROPOSED.topic(), partitions),
                TopicSpec.compacted(EventContract.PERSONA_CHANGED.topic(), partitions),
                TopicSpec.of(EventContract.DEAD_LETTER_TOPIC, 1));
    }
}
