package ai.persona.e2e;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import ai.persona.infra.stack.LocalStack;

/**
 * One running system for every end-to-end class that needs no configuration of its own: started by the first such
 * class, kept in JUnit's root store and closed (it is {@link AutoCloseable}) when the whole run ends. Each stack costs
 * about 35 s to start; the classes that share it use their own users, so they cannot see each other's data.
 *
 * <p>The updater's lease and sweep are short (20 s and 1 s, as in {@link FaultToleranceIT}) because one test kills it
 * while it holds a claimed batch: its successor takes the batch over after the lease, not after the production
 * 10 minutes. No other outcome depends on them.</p>
 */
final class SharedStack implements BeforeAllCallback {

    private static Stack stack;

    static Stack stack() {
        if (stack == null) {
            throw new IllegalStateException("a class using the shared stack needs @ExtendWith(SharedStack.class)");
        }
        return stack;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        stack = context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(SharedStack.class, key -> start(), Stack.class);
    }

    private static Stack start() {
        return new Stack("e2e-logs", Map.of(LocalStack.UPDATER, Map.of(
                "persona-updater.sweep-interval", "1s",
                "persona-updater.optimizer.lease", "20s")), List.of());
    }
}
