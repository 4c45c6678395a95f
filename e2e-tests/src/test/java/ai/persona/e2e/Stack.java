package ai.persona.e2e;

import java.nio.file.Path;

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
        LocalStack started;
        try {
            started = LocalStack.start(StackOptions.of(root, root.resolve("e2e-tests/target/e2e-logs"), llm.baseUrl()));
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
