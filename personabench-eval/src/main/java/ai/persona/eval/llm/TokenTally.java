package ai.persona.eval.llm;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** Usage per role (simulator, tool-executor, judge, assistant), added to from any thread. */
public final class TokenTally {

    private final Map<String, Usage> byRole = new ConcurrentHashMap<>();

    public void add(String role, Usage usage) {
        byRole.merge(role, usage, Usage::plus);
    }

    public void addAll(Map<String, Usage> usages) {
        usages.forEach(this::add);
    }

    public Map<String, Usage> snapshot() {
        return new TreeMap<>(byRole);
    }
}
