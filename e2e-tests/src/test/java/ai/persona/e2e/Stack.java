package ai.persona.e2e;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import ai.persona.infra.stack.LocalStack;
import ai.persona.infra.stack.StackOptions;

/**
 * The whole system as separate processes ({@link LocalStack}) with the scripted LLM stub. Tests reach it only through
 * the gateway, and look underneath only to check what was stored.
 */
final class Stack implements AutoCloseable {

    final Path root = Path.of(System.getProperty("persona.root", "..")).toAbsolutePath().normalize();
    final LlmStub llm = new LlmStub();
    final LocalStack services;

    Stack() {
        this("e2e-logs", Map.of(), List.of());
    }

    /**
     * @param logs the folder under e2e-tests/target for the services' logs
     * @param serviceConfig extra configuration per service
     * @param jvmArgs the services' JVM options
     */
    Stack(String logs, Map<String, Map<String, String>> serviceConfig, List<String> jvmArgs) {
        LocalStack started;
        try {
            started = LocalStack.start(StackOptions.of(root, root.resolve("e2e-tests/target").resolve(logs), llm.baseUrl())
                    .withServiceConfig(serviceConfig).withJvmArgs(jvmArgs));
        } catch (RuntimeException e) {
            llm.close();
            throw e;
        }
        services = started;
    }

    @Override
    public void close() {
        services.close();
        llm.close();
    }
}
